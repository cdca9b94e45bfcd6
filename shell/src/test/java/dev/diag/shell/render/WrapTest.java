package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrapTest {

    @Test
    void breaksAtSpacesKeepingEachLineWithinTheWidth() {
        List<String> lines = Wrap.words("the quick brown fox jumps over the lazy dog", 10);
        assertEquals(List.of("the quick", "brown fox", "jumps over", "the lazy", "dog"), lines);
        lines.forEach(line -> assertTrue(line.length() <= 10, line));
    }

    @Test
    void fillsALineUpToExactlyTheWidth() {
        assertEquals(List.of("aaaa bbbb", "cc"), Wrap.words("aaaa bbbb cc", 9));
    }

    @Test
    void keepsShortTextOnOneLine() {
        assertEquals(List.of("memory by area"), Wrap.words("memory by area", 80));
    }

    @Test
    void keepsAWordLongerThanTheWidthWholeOnItsOwnLine() {
        assertEquals(List.of("see", "non_heap_memory_pools", "here"), Wrap.words("see non_heap_memory_pools here", 8));
    }

    @Test
    void givesOneEmptyLineForEmptyText() {
        assertEquals(List.of(""), Wrap.words("", 20));
    }

    @Test
    void neverBeginsALineWithTheSpaceItBrokeAt() {
        Wrap.words("one two three four five six seven", 7).forEach(line -> assertTrue(!line.startsWith(" "), line));
    }
}
