package dev.diag.protocol.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import dev.diag.protocol.message.RecordReader;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The system_info and statistics records travel in a reply and read back, as the shell reads them, unchanged. */
class SystemInfoAndStatisticsTest {

    static Stream<Record> results() {
        ThreadLimits.Limit pids = new ThreadLimits.Limit("/sys/fs/cgroup/pids.max", 512L, 40L, false, 472L, true);
        return Stream.of(
                new ThreadCount(23, 18, 24, 31, null, null),
                new ThreadCount(23, 18, 24, 31, null, "virtual threads are not counted yet"),
                new ThreadLimits(23, 345L,
                        new ThreadLimits.Limit("/proc/sys/kernel/threads-max", 126896L, 345L, false, 126551L, true),
                        new ThreadLimits.Limit("/proc/sys/kernel/pid_max", 32768L, 345L, false, 32423L, true),
                        new ThreadLimits.Limit("/proc/self/limits", null, 23L, true, null, false),
                        new ThreadLimits.Limit("/proc/self/limits", null, 23L, true, null, false),
                        pids, "cgroupPids", 472L),
                new ThreadLimits(23, null, null, null, null, null, null, null, null),
                new Schedulers(8, 7, 0),
                new VersionInfo("17.0.15", "Debian", 17, "OpenJDK 64-Bit Server VM", "Debian", "17.0.15+6", "0.1.0"),
                new Uptime("uptime", 61_000, 1_700_000_000_000L),
                new Uptime("wall_clock", 61_000, 1_700_000_000_000L),
                new ShutdownState(false, null, null, List.of(new ShutdownHook(0, "log4j-shutdown", "NEW", null)), null),
                new ShutdownState(true, 1_700_000_000_000L, new ProcessRef(12, "SIGTERM handler"),
                        List.of(new ShutdownHook(31, "log4j-shutdown", "TIMED_WAITING", "Thread.sleep")), null),
                new CpuTime(2_500_000_000L, 10_000, 0.25, 8),
                new CpuTime(null, 10_000, null, 8),
                new GarbageCollection(12, 340, 60_000, 340 / 60_000.0,
                        List.of(new MemoryReport.Collector("G1 Young Generation", 12, 340))),
                new RunQueue(0.84, 2, 4, 1, 3, 9, null),
                new RunQueue(null, 2, 4, 1, 3, 9, "virtual threads are not counted yet"));
    }

    @ParameterizedTest
    @MethodSource("results")
    void travelsInAReplyAndReadsBackEqual(Record result) throws Exception {
        Message.Reply reply = (Message.Reply) MessageCodec.decode(MessageCodec.encode(Message.Reply.success(1, result)));
        assertEquals(result, RecordReader.read(reply.result(), result.getClass()));
    }

    @Test
    void namesItsItemAndLeavesOutWhatTheNodeDoesNotKnow() {
        JsonNode count = Json.mapper().valueToTree(new ThreadCount(23, 18, 24, 31, null, null));
        assertEquals("process_count", count.get("item").asText());
        assertFalse(count.has("virtual"));
        assertFalse(count.has("note"));
        JsonNode limits = Json.mapper().valueToTree(new ThreadLimits(23, null, null, null, null, null, null, null, null));
        assertEquals("process_limit", limits.get("item").asText());
        assertEquals(List.of("item", "jvmThreads"), fieldNames(limits));
    }

    @Test
    void findsEachItemByItsAtomAndListsThemInOrder() {
        for (SystemInfoItem item : SystemInfoItem.values()) {
            assertEquals(Optional.of(item), SystemInfoItem.of(item.atom()));
            assertFalse(item.meaning().isBlank());
        }
        for (StatisticsItem item : StatisticsItem.values()) {
            assertEquals(Optional.of(item), StatisticsItem.of(item.atom()));
            assertFalse(item.meaning().isBlank());
        }
        assertEquals("process_count, virtual_process_count, process_limit, schedulers, version, uptime, shutdown", SystemInfoItem.atoms());
        assertEquals("runtime, wall_clock, garbage_collection, run_queue", StatisticsItem.atoms());
        assertTrue(SystemInfoItem.of("PROCESS_COUNT").isEmpty());
        assertTrue(StatisticsItem.of(null).isEmpty());
    }

    @Test
    void eachRecordsItemIsTheAtomOfItsItem() {
        assertEquals(SystemInfoItem.PROCESS_COUNT.atom(), ThreadCount.ITEM);
        assertEquals(SystemInfoItem.PROCESS_LIMIT.atom(), ThreadLimits.ITEM);
        assertEquals(SystemInfoItem.SCHEDULERS.atom(), Schedulers.ITEM);
        assertEquals(SystemInfoItem.VERSION.atom(), VersionInfo.ITEM);
        assertEquals(StatisticsItem.RUNTIME.atom(), CpuTime.ITEM);
        assertEquals(StatisticsItem.GARBAGE_COLLECTION.atom(), GarbageCollection.ITEM);
        assertEquals(StatisticsItem.RUN_QUEUE.atom(), RunQueue.ITEM);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
