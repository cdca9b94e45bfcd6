package dev.diag.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreeTest {

    @Test
    void readsWhatJacksonDataBindingReadsAndWritesItBack() throws Exception {
        String text = "{\"a\":[1,-2,9223372036854775807,1.5,true,false,null,\"s\\u00e9\\n\"],\"b\":{\"c\":{}},"
                + "\"big\":123456789012345678901234567890}";
        JsonNode ours = JsonTree.parse(text.getBytes(StandardCharsets.UTF_8));

        assertEquals(Json.mapper().readTree(text), ours);
        assertEquals(ours, JsonTree.parse(JsonTree.bytes(ours)));
        assertEquals(Json.mapper().readTree(text), Json.mapper().readTree(JsonTree.text(ours)));
    }

    @Test
    void keepsTheOrderOfFields() throws Exception {
        String text = "{\"z\":1,\"a\":2,\"m\":3}";
        assertEquals(text, JsonTree.text(JsonTree.parse(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void refusesContentAfterTheValue() {
        assertThrows(IOException.class, () -> JsonTree.parse("{\"a\":1} {\"b\":2}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> JsonTree.parse("1 x".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesEmptyAndBrokenInput() {
        assertThrows(IOException.class, () -> JsonTree.parse(new byte[0]));
        assertThrows(IOException.class, () -> JsonTree.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> JsonTree.parse("[1,,2]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws Exception {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThrows(IOException.class, () -> JsonTree.parse(deep.getBytes(StandardCharsets.UTF_8)));
        String fine = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertEquals(1, JsonTree.parse(fine.getBytes(StandardCharsets.UTF_8)).size());
    }
}
