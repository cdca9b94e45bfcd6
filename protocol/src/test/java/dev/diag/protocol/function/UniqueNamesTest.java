package dev.diag.protocol.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void indexesEntriesByNameInTheirOrder() {
        Map<String, String> index = UniqueNames.index(List.of("memory", "i", "regs"), s -> s, "a table");
        assertEquals(List.of("memory", "i", "regs"), List.copyOf(index.keySet()));
    }

    @Test
    void refusesANameGivenTwiceInsteadOfKeepingTheLastOne() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> UniqueNames.index(
                List.of("memory/0", "i/0", "memory/1"), s -> s.substring(0, s.indexOf('/')), "the function table"));
        assertTrue(refused.getMessage().contains("the function table declares memory twice"), refused.getMessage());
        assertTrue(refused.getMessage().contains("memory/0 and memory/1"), refused.getMessage());
    }
}
