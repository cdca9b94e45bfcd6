package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.HeapHistogram;
import dev.diag.protocol.result.HeapHistogram.ClassRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapHistogramViewTest {
    private static final HeapHistogram TOP_THREE = new HeapHistogram(List.of(
            new ClassRow("[B", "java.base@17.0.15", 3_019_781, 241_172_480),
            new ClassRow("com.example.orders.PendingOrder", null, 3_000_000, 72_000_000),
            new ClassRow("[Ljava.lang.Object;", "java.base@17.0.15", 3_118, 16_672_768)),
            1_297, 6_092_646, 332_398_592, 1_300, 256);

    @Test
    void showsArraysReadablyAndSaysHowManyClassesWereLeftOut() {
        assertEquals(List.of(
                "CLASS                            INSTANCES     BYTES",
                "byte[]                           3,019,781   230 MiB",
                "com.example.orders.PendingOrder  3,000,000  68.7 MiB",
                "java.lang.Object[]                   3,118  15.9 MiB",
                "",
                "Total: 6,092,646 live instances, 317 MiB, of 1,300 classes (256 ms on the node, full GC included)",
                "… 1,297 more classes — heap_histogram(N) shows N, --json has the same rows"),
                HeapHistogramView.render(TOP_THREE, 120));
    }

    @Test
    void fitsANarrowTerminalByShorteningClassNames() {
        for (String line : HeapHistogramView.render(TOP_THREE, 44)) {
            assertTrue(line.length() <= 44, line);
        }
    }

    @Test
    void zeroRowsShowsTheTotalsAlone() {
        List<String> lines = HeapHistogramView.render(new HeapHistogram(List.of(), 1_300, 10, 1_000, 1_300, 5), 120);

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Total: 10 live instances, 1000 B, of 1,300 classes"), lines.get(0));
    }
}
