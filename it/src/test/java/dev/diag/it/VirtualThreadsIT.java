package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Virtual threads on a real JDK 21+ target (the JDK 25 here; CI requires it): counted, grouped,
 * listed and looked into, against a fixture with {@value #COUNT} parked virtual threads in three
 * known groups. The benchmark (bench/virtual-threads) does the same at a million.
 */
class VirtualThreadsIT {
    static final int COUNT = 20_000;
    static final int SLEEPERS = COUNT / 2;
    static final int LOCK_WAITERS = 7;
    static final int SCOPED = 5;
    static final int LATCH_WAITERS = COUNT - SLEEPERS - LOCK_WAITERS;

    @Test
    void countsGroupsListsAndLooksIntoVirtualThreads() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = start(home, List.of())) {
            int scoped = target.output().contains("structured scope: ") ? SCOPED : 0;
            JsonNode count = result(home, "system_info(process_count)");
            assertEquals(COUNT + scoped, count.get("virtual").asLong(), count.toString());
            assertEquals(COUNT + scoped + count.get("live").asLong(), count.get("processes").asLong(), count.toString());
            JsonNode virtual = result(home, "system_info(virtual_process_count)");
            assertEquals(COUNT + scoped, virtual.get("virtual").asLong(), virtual.toString());
            assertTrue(virtual.get("listable").asBoolean(), virtual.toString());

            // groups(): the three groups, biggest first, with exact counts (one frame group per state and lock)
            JsonNode groups = result(home, "groups()");
            assertEquals(COUNT + scoped, groups.get("virtual").asLong(), groups.toString());
            JsonNode sleepers = group(groups, "TIMED_WAITING", null, "sleepForever", "lambda$scope$");
            assertEquals(SLEEPERS, sleepers.get("count").asLong(), sleepers.toString());
            if (scoped > 0) { // a structured scope's threads are in no registry: found through their owner
                JsonNode scope = group(groups, "WAITING", "java.util.concurrent.Semaphore$NonfairSync", "lambda$scope$",
                        "no such frame");
                assertEquals(SCOPED, scope.get("count").asLong(), scope.toString());
            }
            assertEquals("java.lang.Thread.sleep", sleepers.get("frames").get(0).asText().replaceAll("\\(.*", ""));
            JsonNode latch = group(groups, "WAITING", "java.util.concurrent.CountDownLatch$Sync", "awaitForever", "no such frame");
            assertEquals(LATCH_WAITERS, latch.get("count").asLong(), latch.toString());
            JsonNode locked = group(groups, "WAITING", "java.util.concurrent.locks.ReentrantLock$NonfairSync", "lockForever",
                    "no such frame");
            assertEquals(LOCK_WAITERS, locked.get("count").asLong(), locked.toString());
            assertFalse(locked.get("estimated").asBoolean(), "7 threads are all sampled: " + locked);
            assertTrue(groups.get("groups").get(0).get("count").asLong() >= groups.get("groups").get(1).get("count").asLong());

            // the human view: one screen, the biggest group first
            DiagCli.Run human = DiagCli.run(home, "--node", "vt", "--cmd", "recon:groups(3)");
            assertEquals(0, human.exit(), human::toString);
            assertTrue(human.outLines().get(0).contains(String.format("%,d virtual", COUNT + scoped)), human::toString);
            assertTrue(human.out().contains("sleeper-"), human::toString);
            assertTrue(human.out().contains("more groups of"), human::toString);

            // a virtual thread by pid: its backtrace names the lock and the platform thread holding it
            long waiter = locked.get("examplePid").asLong();
            DiagCli.Run trace = DiagCli.run(home, "--node", "vt", "--cmd", "process_info(<" + waiter + ">, backtrace)");
            assertEquals(0, trace.exit(), trace::toString);
            assertTrue(trace.out().contains("ReentrantLock$NonfairSync) held by <") && trace.out().contains("vt-lock-holder"),
                    trace::toString);
            assertTrue(trace.out().contains("VirtualThreadsTarget.lockForever"), trace::toString);
            JsonNode info = result(home, "i(<" + waiter + ">)");
            assertEquals("WAITING", info.get("status").asText(), info.toString());
            assertEquals(-1, info.get("memory").asLong(), "the JVM measures no allocation per virtual thread");

            // i() lists them all after the platform threads; processes() has every pid
            DiagCli.Run table = DiagCli.run(home, "--node", "vt", "--json", "--cmd", "i()");
            assertEquals(0, table.exit(), table::toString);
            long virtualRows = table.outLines().stream().filter(l -> l.contains("\"virtual\":true")).count();
            assertEquals(COUNT + scoped, virtualRows, "one row per virtual thread");
            JsonNode totals = Json.mapper().readTree(table.outLines().get(table.outLines().size() - 1)).get("result");
            assertEquals(COUNT + scoped, totals.get("virtual").asLong(), totals.toString());
            JsonNode pids = result(home, "processes()");
            assertTrue(pids.get("pids").size() > COUNT, "platform and virtual pids");
            assertTrue(target.isAlive());
        }
    }

    @Test
    void saysWhichVirtualThreadsAreCountedButCannotBeListed() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = start(home, List.of("-Djdk.trackAllThreads=false"))) {
            int scoped = target.output().contains("structured scope: ") ? SCOPED : 0;
            JsonNode virtual = result(home, "system_info(virtual_process_count)");
            assertEquals(COUNT + scoped, virtual.get("virtual").asLong(), virtual.toString());
            assertFalse(virtual.get("listable").asBoolean(), virtual.toString());
            assertTrue(virtual.get("note").asText().contains("-Djdk.trackAllThreads=false"), virtual.toString());

            // the executor's threads are listed; the directly started sleepers are only counted, and the note says how many
            JsonNode groups = result(home, "groups()");
            assertEquals(COUNT - SLEEPERS + scoped, groups.get("virtual").asLong(), groups.toString());
            assertTrue(groups.get("note").asText().startsWith(SLEEPERS + " more virtual threads"), groups.toString());
        }
    }

    @Test
    void aJdk17TargetSaysItHasNoVirtualThreads() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "vt")) {
            JsonNode virtual = result(home, "system_info(virtual_process_count)");
            assertEquals(0, virtual.get("virtual").asLong(), virtual.toString());
            assertTrue(virtual.get("note").asText().contains("no virtual threads"), virtual.toString());
            JsonNode count = result(home, "system_info(process_count)");
            assertFalse(count.hasNonNull("virtual"), count.toString());
            assertEquals(count.get("live").asLong(), count.get("processes").asLong(), count.toString());
            JsonNode groups = result(home, "groups()");
            assertEquals(0, groups.get("virtual").asLong(), groups.toString());
            assertEquals(groups.get("platform").asLong(), groups.get("processes").asLong(), groups.toString());
        }
    }

    @Test
    void aBadGroupCountIsOneSentence() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "vt")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "vt", "--cmd", "groups(0)");
            assertEquals(1, run.exit(), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().contains("a whole number from 1 to 1000, got 0"), run::toString);
        }
    }

    private static TargetJvm start(DiagHomeDir home, List<String> jvmArgs) throws Exception {
        Path java = Jdks.requireModern();
        List<String> args = new ArrayList<>(jvmArgs);
        TargetJvm target = TargetJvm.start(java, home, "vt", "", args, Repo.TEST_CLASSES.toString(),
                "dev.diag.it.fixture.VirtualThreadsTarget", Integer.toString(COUNT));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!target.output().contains("virtual threads up") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(target.output().contains("virtual threads up"), target.output());
        return target;
    }

    /** The virtual group of {@code state} and {@code lock} whose frames mention {@code frame} and not {@code unlike}. */
    private static JsonNode group(JsonNode groups, String state, String lock, String frame, String unlike) {
        for (JsonNode g : groups.get("groups")) {
            boolean sameLock = lock == null ? !g.hasNonNull("lock") : lock.equals(g.path("lock").asText());
            if (g.get("kind").asText().equals("virtual") && g.get("state").asText().equals(state) && sameLock
                    && g.get("frames").toString().contains(frame) && !g.get("frames").toString().contains(unlike)) {
                return g;
            }
        }
        throw new AssertionError("no virtual " + state + " group waiting on " + lock + " in " + frame + ": " + groups);
    }

    private static JsonNode result(DiagHomeDir home, String call) throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--node", "vt", "--json", "--cmd", call);
        assertEquals(0, run.exit(), run::toString);
        JsonNode result = Json.mapper().readTree(run.outLines().get(0)).get("result");
        assertNotNull(result, run::toString);
        return result;
    }
}
