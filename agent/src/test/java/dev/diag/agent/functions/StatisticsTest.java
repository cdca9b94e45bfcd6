package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.agent.Await;
import dev.diag.protocol.function.Impact;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.CpuTime;
import dev.diag.protocol.result.GarbageCollection;
import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.RunQueue;
import dev.diag.protocol.result.StatisticsItem;
import dev.diag.protocol.result.Uptime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatisticsTest {
    private final Statistics statistics = new Statistics();

    @Test
    void isListedAsStatisticsTakingExactlyOneArgumentAtLowImpact() {
        assertSame(Statistics.class, Functions.all().find("statistics").getClass());
        assertEquals(1, statistics.minArity());
        assertEquals(1, statistics.maxArity());
        assertEquals(Impact.Level.LOW, statistics.impact().level());
    }

    @ParameterizedTest
    @EnumSource(StatisticsItem.class)
    void answersEveryItemWithARecordNamingIt(StatisticsItem item) throws Exception {
        JsonNode json = Json.mapper().valueToTree(statistics.call(args(item.atom()), SystemInfoTest.CONTEXT));
        assertEquals(item.atom(), json.get("item").asText(), json.toString());
    }

    @Test
    void measuresTheProcessCpuTimeAsAShareOfWallTime() throws Exception {
        burnCpu();
        CpuTime cpu = (CpuTime) statistics.call(args("runtime"), SystemInfoTest.CONTEXT);
        assertNotNull(cpu.cpuNanos(), "HotSpot on Linux measures process CPU time");
        assertTrue(cpu.cpuNanos() > 0, cpu.toString());
        assertTrue(cpu.uptimeMillis() > 0, cpu.toString());
        assertEquals(cpu.cpuNanos() / 1e6 / cpu.uptimeMillis(), cpu.shareOfWallTime(), 1e-9);
        assertTrue(cpu.shareOfWallTime() <= cpu.processors() * 1.1, "no more CPU than processors: " + cpu);
        assertEquals(Runtime.getRuntime().availableProcessors(), cpu.processors());
    }

    @Test
    void answersWallClockAsTheUptime() throws Exception {
        Uptime uptime = (Uptime) statistics.call(args("wall_clock"), SystemInfoTest.CONTEXT);
        assertEquals("wall_clock", uptime.item());
        assertTrue(uptime.uptimeMillis() > 0);
    }

    @Test
    void addsUpTheCollectorsCountsAndTimes() throws Exception {
        System.gc();
        GarbageCollection gc = (GarbageCollection) statistics.call(args("garbage_collection"), SystemInfoTest.CONTEXT);
        assertFalse(gc.collectors().isEmpty());
        assertEquals(gc.collectors().stream().mapToLong(MemoryReport.Collector::count).sum(), gc.collections());
        assertEquals(gc.collectors().stream().mapToLong(MemoryReport.Collector::timeMillis).sum(), gc.timeMillis());
        assertTrue(gc.collections() >= 1, "System.gc() collected: " + gc);
        assertTrue(gc.shareOfWallTime() >= 0 && gc.shareOfWallTime() <= 1, gc.toString());
    }

    @Test
    void countsRunnableThreadsButNotItself() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread spinner = new Thread(() -> {
            started.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
        }, "spinner");
        spinner.start();
        try {
            assertTrue(started.await(Await.SECONDS, TimeUnit.SECONDS), "the spinner did not start");
            RunQueue queue = (RunQueue) statistics.call(args("run_queue"), SystemInfoTest.CONTEXT);
            assertTrue(queue.runnable() >= 1, "the spinner is RUNNABLE: " + queue);
            assertTrue(queue.runnable() - queue.inNative() - queue.jvmService() >= 1, "the spinner runs Java: " + queue);
            assertTrue(queue.runnable() < queue.threads(), "the caller is live but not counted: " + queue);
            assertTrue(queue.jvmService() >= 1, "Reference Handler and Signal Dispatcher show RUNNABLE: " + queue);
            assertEquals(Runtime.getRuntime().availableProcessors(), queue.processors());
        } finally {
            spinner.interrupt();
        }
        Await.ended(spinner);
    }

    @Test
    void readsTheLoadAverageOnLinux() throws Exception {
        String os = System.getProperty("os.name");
        assumeTrue(os.startsWith("Linux"), "the load average is required on Linux only; this is " + os);
        RunQueue queue = (RunQueue) statistics.call(args("run_queue"), SystemInfoTest.CONTEXT);
        assertNotNull(queue.loadAverage(), queue.toString());
        assertTrue(queue.loadAverage() >= 0, queue.toString());
    }

    @Test
    void refusesAnUnknownItemListingTheItems() {
        FunctionException e = assertThrows(FunctionException.class,
                () -> statistics.call(args("reductions"), SystemInfoTest.CONTEXT));
        assertEquals(CallError.BAD_ARGUMENT, e.toError().code());
        assertEquals("unknown item 'reductions'; use one of runtime, wall_clock, garbage_collection, run_queue",
                e.getMessage());
    }

    @Test
    void sharesOfNoTimeAreZero() {
        assertEquals(0, Statistics.share(5, 0));
        assertEquals(0.5, Statistics.share(5, 10));
    }

    private static void burnCpu() {
        long x = 0;
        for (int i = 0; i < 5_000_000; i++) {
            x += i * 31L ^ x;
        }
        assertTrue(x != 42);
    }

    private static Args args(String atom) {
        return new Args("statistics", List.of(TextNode.valueOf(atom)));
    }
}
