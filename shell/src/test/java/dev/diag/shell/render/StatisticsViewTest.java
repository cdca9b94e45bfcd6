package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.CpuTime;
import dev.diag.protocol.result.GarbageCollection;
import dev.diag.protocol.result.MemoryReport.Collector;
import dev.diag.protocol.result.RunQueue;
import dev.diag.protocol.result.Uptime;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsViewTest {
    private static final RunQueue QUEUE = new RunQueue(3.456, 8, 14, 6, 3, 230, null);

    @Test
    void showsCpuTimeAsAShareOfOneProcessorAndOfAll() {
        CpuTime cpu = new CpuTime(90_000_000_000L, 60_000, 1.5, 8);
        assertEquals(List.of(
                "cpu time     1 min 30 s  all threads of the process, GC and JIT included",
                "wall time     1 min 0 s  since the JVM started",
                "average use        150%  of one processor; 18.8% of all 8"), StatisticsView.render(cpu, 100));
    }

    @Test
    void saysWhenTheJvmCannotMeasureCpuTime() {
        List<String> lines = StatisticsView.render(new CpuTime(null, 60_000, null, 8), 100);
        assertEquals(List.of(
                "cpu time           ?  this JVM cannot measure its process's CPU time",
                "wall time  1 min 0 s  since the JVM started"), lines);
    }

    @Test
    void showsWallClockLikeUptimeUnderItsOwnName() {
        assertEquals(List.of("wall clock  42 s  42,000 ms, since 2023-11-14T22:13:20Z"),
                SystemInfoView.render(new Uptime("wall_clock", 42_000, 1_700_000_000_000L), 100));
    }

    @Test
    void showsGarbageCollectionTotalsThenEachCollector() {
        GarbageCollection gc = new GarbageCollection(12, 340, 60_000, 340 / 60_000.0, List.of(
                new Collector("G1 Young Generation", 12, 340), new Collector("G1 Old Generation", 0, 0)));
        assertEquals(List.of(
                "collections      12  since the JVM started, all collectors",
                "time         340 ms  0.57% of the 1 min 0 s since the JVM started",
                "",
                "COLLECTOR            COLLECTIONS    TIME",
                "G1 Young Generation           12  340 ms",
                "G1 Old Generation              0    0 ms"), StatisticsView.render(gc, 100));
    }

    @Test
    void labelsTheHostsLoadAndThisJvmsRunnableThreadsApart() {
        assertEquals(List.of(
                "load average      3.46  the whole host's, over 1 minute, with 8 processors",
                "runnable threads    14  this JVM's threads RUNNABLE now, of 230 live:",
                "  in Java code       5  running or ready to run",
                "  in native code     6  mostly waiting in native I/O (socket reads, epoll)",
                "  JVM service        3  the JVM's own threads, RUNNABLE even when idle"), StatisticsView.render(QUEUE, 100));
    }

    @Test
    void saysWhenTheOsGivesNoLoadAverageAndWhatTheCountLeavesOut() {
        List<String> lines = StatisticsView.render(new RunQueue(null, 8, 0, 0, 0, 5, "virtual threads are not counted yet"), 100);
        assertTrue(lines.get(0).matches("load average +\\?  .*\\(this OS does not say\\)"), lines.get(0));
        assertEquals("note: virtual threads are not counted yet", lines.get(lines.size() - 1));
    }

    @Test
    void picksTheViewByTheItemTheNodeNamed() throws Exception {
        assertEquals(StatisticsView.render(QUEUE, 100), StatisticsView.render(Json.mapper().valueToTree(QUEUE), 100));
        Uptime wallClock = new Uptime("wall_clock", 5_000, 1_700_000_000_000L);
        assertEquals(SystemInfoView.render(wallClock, 100), StatisticsView.render(Json.mapper().valueToTree(wallClock), 100));
    }

    @Test
    void refusesAnItemItHasNoViewFor() {
        assertThrows(IOException.class, () -> StatisticsView.render(Json.mapper().readTree("{\"item\":\"io\"}"), 100));
    }
}
