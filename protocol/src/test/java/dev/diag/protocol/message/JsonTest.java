package dev.diag.protocol.message;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Old(String name, long count) {
    }

    record WithOptional(String name, Long max) {
    }

    @Test
    void ignoresFieldsAnOlderReaderDoesNotKnow() throws Exception {
        assertEquals(new Old("x", 3), Json.mapper().readValue("{\"name\":\"x\",\"count\":3,\"added\":[1]}", Old.class));
    }

    @Test
    void leavesOutNullFields() {
        assertFalse(Json.mapper().valueToTree(new WithOptional("x", null)).has("max"));
    }

    @Test
    void readsNestingUpTo64AndRefusesDeeper() {
        assertDoesNotThrow(() -> Json.mapper().readTree("[".repeat(64) + "]".repeat(64)));
        assertThrows(JsonProcessingException.class, () -> Json.mapper().readTree("[".repeat(65) + "]".repeat(65)));
    }
}
