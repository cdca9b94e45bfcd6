package dev.diag.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EchoTest {

    @Test
    void quotesShortTextWhole() {
        assertEquals("memory(heap)", Echo.of("memory(heap)"));
        assertEquals("x".repeat(60), Echo.of("x".repeat(60)));
    }

    @Test
    void cutsLongTextToSixtyCharactersEndingInAnEllipsis() {
        String echoed = Echo.of("A".repeat(10_000_000));
        assertEquals(60, echoed.length());
        assertEquals("A".repeat(59) + "…", echoed);
    }

    @Test
    void showsControlCharactersAsQuestionMarksToKeepOneLine() {
        assertEquals("a?b?c", Echo.of("a\u0000b\nc"));
    }

    @Test
    void neverCutsACharacterInHalf() {
        String echoed = Echo.of("a".repeat(58) + "😀" + "b".repeat(10));
        assertEquals("a".repeat(58) + "…", echoed);
    }
}
