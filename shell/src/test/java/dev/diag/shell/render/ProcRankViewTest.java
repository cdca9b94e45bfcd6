package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.ProcCount;
import dev.diag.protocol.result.ProcWindow;
import dev.diag.protocol.result.RankedProcess;
import dev.diag.protocol.result.WindowedProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcRankViewTest {

    @Test
    void procCountShowsEachAttributeInItsOwnUnit() {
        List<String> cpu = ProcRankView.render(count("reductions", 12_300_000_000L), 100);
        List<String> memory = ProcRankView.render(count("memory", 3L << 20), 100);
        List<String> msgs = ProcRankView.render(count("message_queue_len", 4812), 100);

        assertEquals("PID   NAME        CPU  STATE     CURRENT FUNCTION", cpu.get(0));
        assertEquals("<23>  spinner  12.3 s  RUNNABLE  Spinner.spin", cpu.get(1));
        assertTrue(memory.get(1).contains("3.00 MiB"), memory.toString());
        assertTrue(msgs.get(1).contains("4,812"), msgs.toString());
        assertEquals("(14 threads ranked by CPU time (reductions))", cpu.get(2));
    }

    @Test
    void procWindowShowsTheGrowthItsRateTheTotalAndWhatWasBornAndEnded() {
        ProcWindow result = new ProcWindow("reductions", 1000, 1002, List.of(new WindowedProcess(23, "spinner",
                12_300_000_000L, 998_000_000L, 0.998e9, "RUNNABLE", "Spinner.spin")), 14, 1, 2, null);

        List<String> lines = ProcRankView.render(result, 200);

        assertEquals("PID   NAME     CPU IN WINDOW   CORE  CPU NOW  STATE     CURRENT FUNCTION", lines.get(0));
        assertEquals("<23>  spinner         998 ms  99.8%   12.3 s  RUNNABLE  Spinner.spin", lines.get(1));
        assertEquals("(window of 1,000 ms, 1,002 ms measured: 14 threads ranked by CPU time (reductions) in it; 1 "
                + "born in it, counted from zero; 2 ended, left out)", lines.get(2));
    }

    @Test
    void ratesOfMemoryAndMailboxesArePerSecondAndASmallGrowthKeepsADecimal() {
        assertEquals("1.00 MiB/s", ProcRankView.rate("memory", 1 << 20));
        assertEquals("0.5/s", ProcRankView.rate("message_queue_len", 0.5));
        assertEquals("1,200/s", ProcRankView.rate("message_queue_len", 1200));
    }

    @Test
    void aNarrowTerminalCutsTheCurrentFunctionAndWrapsTheNote() {
        ProcCount result = new ProcCount("reductions", List.of(new RankedProcess(23, "spinner", 5, "RUNNABLE",
                "com.example.VeryLongClassName.veryLongMethodName")), 1, "Virtual threads are not ranked: the JVM "
                + "measures neither CPU time nor allocation per virtual thread.");

        List<String> lines = ProcRankView.render(result, 40);

        assertTrue(lines.stream().allMatch(l -> l.length() <= 40), lines.toString());
        assertTrue(lines.get(1).endsWith("…"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).endsWith("per virtual thread."), lines.toString());
    }

    @Test
    void nothingToRankSaysSo() {
        List<String> lines = ProcRankView.render(new ProcCount("message_queue_len", List.of(), 0, null), 80);

        assertEquals("(no thread to rank)", lines.get(0));
    }

    private static ProcCount count(String attribute, long value) {
        return new ProcCount(attribute, List.of(new RankedProcess(23, "spinner", value, "RUNNABLE", "Spinner.spin")),
                14, null);
    }
}
