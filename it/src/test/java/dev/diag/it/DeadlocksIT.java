package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deadlocks() against DeadlockTarget: a monitor deadlock of 2 threads with a bystander behind it and
 * a ReentrantLock ring of 3, on JDK 17 and on a JDK 21+ target, where a deadlock of two virtual
 * threads is there too and stays unseen; backtraces and links say the same about each edge.
 */
class DeadlocksIT {

    @ParameterizedTest(name = "on JDK {0}")
    @ValueSource(strings = {"17", "21+"})
    void bothCyclesWithTheirLocksHoldersAndTheThreadStuckBehind(String jdk) throws Exception {
        boolean modern = !jdk.equals("17");
        Path java = modern ? Jdks.requireModern() : Jdks.current();
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(java, home, "stuck", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.DeadlockTarget", modern ? "virtual" : "both")) {
            JsonNode result = awaitDeadlocks(home, 2);
            JsonNode monitors = result.get("deadlocks").get(0);
            JsonNode locks = result.get("deadlocks").get(1);

            assertEquals(List.of("monitor-a", "monitor-b"), names(monitors.get("cycle")));
            assertEquals(List.of("lock-1", "lock-2", "lock-3"), names(locks.get("cycle")));
            assertRing(monitors.get("cycle"), "java.lang.Object", "monitor", "BLOCKED");
            assertRing(locks.get("cycle"), "java.util.concurrent.locks.ReentrantLock$NonfairSync", "synchronizer",
                    "WAITING");
            JsonNode bystander = monitors.get("blockedBehind").get(0);
            assertEquals("bystander", bystander.get("name").asText());
            assertEquals("monitor-a", bystander.get("heldBy").get("name").asText());
            assertEquals(monitors.get("cycle").get(1).get("lock"), bystander.get("lock"), "monitor-a holds what b waits for");
            assertEquals(0, locks.get("blockedBehind").size());
            assertEquals("holdThen", locks.get("cycle").get(0).get("at").get("method").asText(), "the caller of lock()");
            if (modern) {
                assertTrue(result.get("note").asText().contains("Virtual threads were not looked at"), result::toString);
            } else {
                assertNull(result.get("note"), result::toString);
            }
            for (JsonNode edge : monitors.get("cycle")) {
                assertBacktraceAndLinksAgree(home, edge);
            }
            assertBacktraceAndLinksAgree(home, locks.get("cycle").get(0));

            DiagCli.Run human = DiagCli.run(home, "--node", "stuck", "--cmd", "deadlocks()");
            assertEquals(0, human.exit(), human::toString);
            JsonNode a = monitors.get("cycle").get(0);
            String lock = "java.lang.Object@" + Integer.toHexString(a.get("lock").get("identityHashCode").asInt());
            assertTrue(human.out().contains("deadlock 1 (2 threads):\n  <" + a.get("pid") + "> monitor-a  BLOCKED  waits for "
                    + lock + " (monitor)  held by <" + a.get("heldBy").get("pid") + "> monitor-b\n"), human::toString);
            assertTrue(human.out().contains("\n  blocked behind it, not in the cycle (1 thread):\n  <"
                    + bystander.get("pid") + "> bystander  BLOCKED"), human::toString);
            assertTrue(human.out().contains("\ndeadlock 2 (3 threads):\n"), human::toString);
            assertTrue(target.isAlive());
        }
    }

    @Test
    void aTargetWithoutDeadlockSaysSoPlainly() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(Jdks.current(), home, "calm", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.DeadlockTarget", "none")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "calm", "--cmd", "deadlocks()");
            assertEquals(0, run.exit(), run::toString);
            assertEquals("no deadlocks\n", run.out(), run::toString);
        }
    }

    /** Each thread waits for a lock of {@code lockClass} held by the next thread of the cycle, the last by the first. */
    private static void assertRing(JsonNode cycle, String lockClass, String kind, String state) {
        for (int i = 0; i < cycle.size(); i++) {
            JsonNode edge = cycle.get(i);
            JsonNode next = cycle.get((i + 1) % cycle.size());
            assertEquals(next.get("pid"), edge.get("heldBy").get("pid"), edge.toString());
            assertEquals(next.get("name"), edge.get("heldBy").get("name"), edge.toString());
            assertEquals(lockClass, edge.get("lock").get("className").asText(), edge.toString());
            assertEquals(kind, edge.get("kind").asText(), edge.toString());
            assertEquals(state, edge.get("state").asText(), edge.toString());
            assertTrue(edge.get("at").get("className").asText().endsWith("DeadlockTarget"), edge.toString());
            assertEquals(kind.equals("monitor"), edge.has("lockedAt"), "where the holder took it: monitors only");
        }
    }

    /** process_info(Waiter, links) and the holder's backtrace name the same lock and holder as the edge. */
    private static void assertBacktraceAndLinksAgree(DiagHomeDir home, JsonNode edge) throws Exception {
        JsonNode links = call(home, "process_info(<" + edge.get("pid") + ">, links)").get("value");
        assertEquals(edge.get("lock"), links.get("waitingOn"), links.toString());
        assertEquals(edge.get("heldBy"), links.get("owner"), links.toString());
        JsonNode trace = call(home, "process_info(<" + edge.get("heldBy").get("pid") + ">, backtrace)").get("value");
        List<JsonNode> held = new ArrayList<>();
        trace.get("frames").forEach(frame -> frame.get("lockedMonitors").forEach(held::add));
        trace.get("lockedSynchronizers").forEach(held::add);
        assertTrue(held.contains(edge.get("lock")), "the holder's backtrace holds " + edge.get("lock") + ": " + trace);
    }

    /** The result once the target's threads have formed {@code count} deadlocks (they start with the JVM). */
    private static JsonNode awaitDeadlocks(DiagHomeDir home, int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode result = call(home, "deadlocks()");
        while (result.get("deadlocks").size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            result = call(home, "deadlocks()");
        }
        assertEquals(count, result.get("deadlocks").size(), result::toString);
        return result;
    }

    private static JsonNode call(DiagHomeDir home, String call) throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--node", "stuck", "--json", "--cmd", call);
        assertEquals(0, run.exit(), run::toString);
        return Json.mapper().readTree(run.outLines().get(0)).get("result");
    }

    private static List<String> names(JsonNode edges) {
        List<String> names = new ArrayList<>();
        edges.forEach(edge -> names.add(edge.get("name").asText()));
        return names;
    }
}
