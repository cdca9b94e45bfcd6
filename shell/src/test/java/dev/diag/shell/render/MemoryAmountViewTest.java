package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.MemoryAmount;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryAmountViewTest {

    @Test
    void printsTheExactByteCountThenTheKindAndHumanFigure() {
        assertEquals(List.of("104857600   (heap: 100 MiB)"), MemoryAmountView.render(new MemoryAmount("heap", 100L << 20)));
    }

    @Test
    void spellsTheKindWithSpacesInsteadOfUnderscores() {
        assertEquals(List.of("62914560   (non heap: 60.0 MiB)"), MemoryAmountView.render(new MemoryAmount("non_heap", 60L << 20)));
    }

    @Test
    void printsSmallAmountsInBytesTwice() {
        assertEquals(List.of("0   (direct: 0 B)"), MemoryAmountView.render(new MemoryAmount("direct", 0)));
    }
}
