package dev.diag.protocol.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The function table both ends read: one entry per name, each complete. */
class DeclarationTest {

    @Test
    void everyFunctionIsFoundByTheNameItIsCalledWith() {
        for (Declaration declaration : Declaration.values()) {
            assertEquals(declaration, Declaration.find(declaration.function()).orElseThrow());
        }
        assertFalse(Declaration.find("MEMORY").isPresent(), "the wire name is memory, not the constant's name");
        assertFalse(Declaration.find("memroy").isPresent());
    }

    @Test
    void noTwoDeclarationsShareAName() {
        Set<String> names = Arrays.stream(Declaration.values()).map(Declaration::function).collect(Collectors.toSet());
        assertEquals(Declaration.values().length, names.size());
    }

    @Test
    void everyDeclarationSaysWhatItCostsAndHowToUseIt() {
        for (Declaration d : Declaration.values()) {
            assertNotNull(d.impact(), d.function());
            assertFalse(d.impact().description().isBlank(), d.function());
            assertFalse(d.usage().summary().isBlank(), d.function());
            String example = d.usage().example();
            // load_binary is sent by diag load, never typed: its example is that command
            assertTrue(example.contains(d.function() + "(") || example.startsWith("diag "),
                    d.function() + "'s example should call it");
            assertTrue(d.page().endsWith(".md"), d.function());
            assertTrue(d.modules().stream().allMatch(m -> m.matches("[a-z]+")), d.function());
        }
    }

    @Test
    void aWindowedCallNamesAnArgumentItHas() {
        for (Declaration d : Declaration.values()) {
            if (d.window() != null) {
                assertTrue(d.window().argument() < d.arity().min(), d.function());
            }
        }
        assertEquals(1000, Declaration.PROC_WINDOW.window().millis(1000));
        assertEquals(60_000, Declaration.PROC_WINDOW.window().millis(999_999));
        assertEquals(0, Declaration.PROC_WINDOW.window().millis(-5));
    }

    @Test
    void signaturesListTheAritiesAsErlangWritesThem() {
        assertEquals("memory/0,1", Declaration.MEMORY.signature());
        assertEquals("i/0,1,2,3", Declaration.I.signature());
        assertEquals("proc_window/3", Declaration.PROC_WINDOW.signature());
    }
}
