package dev.diag.shell.render;

import static dev.diag.shell.render.MemoryReports.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.MemoryReport.BufferPool;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryViewTest {

    @Test
    void rendersATypicalReportAsThreeTables() {
        assertEquals(List.of(
                "AREA                                           USED  COMMITTED       MAX",
                "total (resident set)                        700 MiB",
                "heap                                        100 MiB    256 MiB  1.00 GiB",
                "non-heap                                   60.0 MiB   70.0 MiB         -",
                "  metaspace                                40.0 MiB   45.0 MiB         -",
                "  code cache                               10.0 MiB   12.0 MiB   240 MiB",
                "mapped buffers (0)                              0 B        0 B",
                "direct buffers (4)                         4.00 KiB   4.00 KiB",
                "thread stacks (4,812 × 1.00 MiB, at most)  4.70 GiB",
                "",
                "POOL                         TYPE      USED  COMMITTED       MAX",
                "G1 Eden Space                heap  20.0 MiB   40.0 MiB         -",
                "G1 Old Gen                   heap  80.0 MiB    216 MiB  1.00 GiB",
                "CodeHeap 'non-nmethods'  non-heap  1.00 MiB   2.00 MiB  5.00 MiB",
                "Metaspace                non-heap  40.0 MiB   45.0 MiB         -",
                "Compressed Class Space   non-heap  5.00 MiB   6.00 MiB  1.00 GiB",
                "",
                "COLLECTOR            COLLECTIONS    TIME",
                "G1 Young Generation           12  340 ms",
                "G1 Old Generation              0    0 ms"), MemoryView.render(MemoryReports.typical(), 100));
    }

    @Test
    void putsTheAreaPoolAndCollectorTablesInThatOrderBetweenBlankLines() {
        List<String> lines = MemoryView.render(MemoryReports.typical(), 100);
        int area = indexStartingWith(lines, "AREA ");
        int pool = indexStartingWith(lines, "POOL ");
        int collector = indexStartingWith(lines, "COLLECTOR ");
        assertEquals(0, area);
        assertTrue(area < pool && pool < collector);
        assertEquals("", lines.get(pool - 1));
        assertEquals("", lines.get(collector - 1));
    }

    @Test
    void listsHeapPoolsBeforeNonHeapPoolsKeepingTheNodesOrderWithinEach() {
        List<String> lines = MemoryView.render(MemoryReports.typical(), 100);
        List<String> pools = lines.subList(indexStartingWith(lines, "POOL ") + 1, indexStartingWith(lines, "COLLECTOR ") - 1);
        assertEquals(List.of("G1 Eden Space", "G1 Old Gen", "CodeHeap 'non-nmethods'", "Metaspace", "Compressed Class Space"),
                pools.stream().map(line -> line.split(" {2,}")[0]).toList());
        assertEquals(List.of("heap", "heap", "non-heap", "non-heap", "non-heap"),
                pools.stream().map(line -> line.split(" {2,}")[1].strip()).toList());
    }

    @Test
    void hidesAnUnusedBufferPoolOtherThanDirectAndMapped() {
        String text = String.join("\n", MemoryView.render(MemoryReports.typical(), 100));
        assertFalse(text.contains("non-volatile"), text);
    }

    @Test
    void showsDirectAndMappedBuffersEvenWhenEmpty() {
        MemoryReport empty = MemoryReports.withBuffers(MemoryReports.typical(),
                List.of(new BufferPool("direct", 0, 0, 0), new BufferPool("mapped", 0, 0, 0)));
        List<String> lines = MemoryView.render(empty, 100);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("direct buffers (0) ")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("mapped buffers (0) ")), String.join("\n", lines));
    }

    @Test
    void showsAnotherBufferPoolOnceItHoldsBuffers() {
        MemoryReport used = MemoryReports.withBuffers(MemoryReports.typical(),
                List.of(new BufferPool("mapped - 'non-volatile memory'", 1_200, 3 * MIB, 3 * MIB)));
        assertTrue(MemoryView.render(used, 100).stream()
                .anyMatch(line -> line.matches("mapped - 'non-volatile memory' buffers \\(1,200\\) +3\\.00 MiB +3\\.00 MiB")));
    }

    @Test
    void omitsTheResidentSetRowWhereTheOsDoesNotSayIt() {
        List<String> lines = MemoryView.render(MemoryReports.withResident(MemoryReports.typical(), null), 100);
        assertTrue(lines.stream().noneMatch(line -> line.contains("resident")));
        assertTrue(lines.get(1).startsWith("heap "), lines.get(1));
    }

    @Test
    void showsTheResidentSetFirstWhenKnown() {
        assertTrue(MemoryView.render(MemoryReports.typical(), 100).get(1).matches("total \\(resident set\\) +700 MiB"));
    }

    @Test
    void showsAnAbsentMaximumAsADash() {
        List<String> lines = MemoryView.render(MemoryReports.typical(), 100);
        String nonHeap = lines.stream().filter(line -> line.startsWith("non-heap ")).findFirst().orElseThrow();
        assertTrue(nonHeap.endsWith(" -"), nonHeap);
        String eden = lines.stream().filter(line -> line.startsWith("G1 Eden Space ")).findFirst().orElseThrow();
        assertTrue(eden.endsWith(" -"), eden);
    }

    @Test
    void saysHowTheThreadStackEstimateIsMade() {
        assertTrue(MemoryView.render(MemoryReports.typical(), 100).stream()
                .anyMatch(line -> line.matches("thread stacks \\(4,812 × 1\\.00 MiB, at most\\) +4\\.70 GiB")));
    }

    @Test
    void rendersAReportWithoutPoolsOrCollectorsAsHeadersOnly() {
        MemoryReport r = MemoryReports.typical();
        MemoryReport bare = new MemoryReport(null, r.heap(), null, null, null, List.of(), List.of(), r.threads(), List.of());
        List<String> lines = MemoryView.render(bare, 100);
        assertEquals(7, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(4).startsWith("POOL "));
        assertTrue(lines.get(6).startsWith("COLLECTOR "));
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 72, 80, 120})
    void keepsEveryLineWithinTheWidthDownTo60Columns(int width) {
        for (String line : MemoryView.render(MemoryReports.typical(), width)) {
            assertTrue(line.length() <= width, width + ": " + line);
        }
    }

    @Test
    void shortensOnlyTheNamesToFit60Columns() {
        List<String> lines = MemoryView.render(MemoryReports.typical(), 60);
        assertTrue(lines.contains("thread stacks (4,812 × 1.00 …  4.70 GiB"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.matches("Compressed Class S…  non-heap  5\\.00 MiB +6\\.00 MiB +1\\.00 GiB")),
                String.join("\n", lines));
    }

    @Test
    void exceedsAVeryNarrowWidthRatherThanCutFigures() {
        // Below ~49 columns the POOL table cannot fit: Table floors names at 8 characters and
        // never cuts a figure, so lines are wider than asked (see TableTest).
        List<String> lines = MemoryView.render(MemoryReports.typical(), 40);
        String oldGen = lines.stream().filter(line -> line.startsWith("G1 Old ")).findFirst().orElseThrow();
        assertEquals("G1 Old …      heap  80.0 MiB    216 MiB  1.00 GiB", oldGen);
        assertTrue(oldGen.length() > 40);
    }

    private static int indexStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + prefix + "' in\n" + String.join("\n", lines));
    }
}
