package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void theLowestValueIsTheShortestBarAndTheHighestTheTallest() {
        assertEquals("▁▂▃▄▅▆▇█", Sparkline.of(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), 20));
        assertEquals("▁█▁", Sparkline.of(List.of(100L, 900L, 100L), 20));
    }

    @Test
    void keepsTheMostRecentValuesWhenTheyDoNotFit() {
        assertEquals("▁█", Sparkline.of(List.of(50L, 0L, 1L, 9L), 2));
    }

    @Test
    void aFlatHistoryIsAFlatLineAndNoRoomIsNothing() {
        assertEquals("▄▄▄", Sparkline.of(List.of(5L, 5L, 5L), 10));
        assertEquals("", Sparkline.of(List.of(5L, 6L), 0));
        assertEquals("", Sparkline.of(List.of(), 10));
    }
}
