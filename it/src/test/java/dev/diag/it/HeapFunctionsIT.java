package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** heap_histogram, garbage_collect, heap_dump and memory(native) by bin/diag --cmd against real target JVMs. */
class HeapFunctionsIT {
    private static final String HEAP_TARGET = "dev.diag.it.fixture.HeapTarget";
    private static final long MIB = 1024 * 1024;

    @Test
    void heapHistogramShowsTheClassTheTargetKeepsManyOf() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = heapTarget(Jdks.current(), home, List.of(), 50_000, 0)) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", "heap_histogram(5)");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.out().lines().anyMatch(l -> l.matches("dev\\.diag\\.it\\.fixture\\.HeapTarget\\$RetainedOrder"
                    + "\\s+50,000\\s+[0-9.]+ [KM]iB")), run::toString);
            assertTrue(run.out().lines().anyMatch(l -> l.matches("byte\\[]\\s+[0-9,]+\\s+[0-9.]+ [KM]iB")), run::toString);
            assertTrue(run.out().contains("more classes — heap_histogram(N) shows N"), run::toString);
        }
    }

    @Test
    void garbageCollectFreesTheGarbageTheTargetDropped() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = heapTarget(Jdks.current(), home, List.of(), 1_000, 40)) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--json", "--cmd", "garbage_collect()");

            assertEquals(0, run.exit(), run::toString);
            JsonNode gc = Json.mapper().readTree(run.out()).get("result");
            assertTrue(gc.get("collected").asBoolean(), run::toString);
            long freed = gc.get("heapUsedBefore").asLong() - gc.get("heapUsedAfter").asLong();
            assertTrue(freed >= 36 * MIB, "freed " + freed / MIB + " MiB of the 40 MiB dropped: " + run);
        }
    }

    @Test
    void garbageCollectSaysSoWhenTheTargetDisablesExplicitGc() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(Jdks.current(), home, "orders", "",
                List.of("-XX:+DisableExplicitGC"), Repo.TEST_CLASSES.toString(), "dev.diag.it.fixture.IdleTarget")) {
            // from stdin, as a script: it runs without asking, as with --cmd
            DiagCli.Run run = DiagCli.runWithInput(home, "garbage_collect().\n", "--node", "orders");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(String.join(" ", run.outLines()).contains("Nothing was collected: the node runs with "
                    + "-XX:+DisableExplicitGC"), run::toString);
        }
    }

    @Test
    void heapDumpWritesAnHprofFileThenRefusesToOverwriteIt() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            Path file = home.path().resolve("orders.hprof");
            String call = "heap_dump(\"" + file + "\")";

            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", call);
            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.out().contains("Wrote " + file + " on the node: "), run::toString);
            try (InputStream in = Files.newInputStream(file)) {
                assertArrayEquals("JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII), in.readNBytes(18));
            }

            DiagCli.Run again = DiagCli.run(home, "--node", "orders", "--cmd", call);
            assertEquals(1, again.exit(), again::toString);
            assertEquals("diag: " + call + ": " + file + " already exists on the node; heap_dump never overwrites a file, give a "
                    + "new name", again.err().strip());
            assertTrue(target.isAlive());
        }
    }

    @Test
    void memoryNativeReadsTrackingWhereItIsOnAndSaysHowToTurnItOnWhereOff() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm on = TargetJvm.start(Jdks.current(), home, "tracked", "",
                List.of("-XX:NativeMemoryTracking=summary"), Repo.TEST_CLASSES.toString(), "dev.diag.it.fixture.IdleTarget");
                TargetJvm off = TargetJvm.start(home, "plain")) {
            DiagCli.Run tracked = DiagCli.run(home, "--node", "tracked", "--cmd", "memory(native)");
            assertEquals(0, tracked.exit(), tracked::toString);
            assertTrue(tracked.outLines().get(0).matches("CATEGORY\\s+COMMITTED\\s+RESERVED"), tracked::toString);
            assertTrue(tracked.out().lines().anyMatch(l -> l.matches("  Java Heap\\s+[0-9.]+ [KMG]iB\\s+[0-9.]+ [KMG]iB")),
                    tracked::toString);

            DiagCli.Run plain = DiagCli.run(home, "--node", "plain", "--cmd", "memory(native)");
            assertEquals(1, plain.exit(), plain::toString);
            assertEquals("diag: memory(native): Native Memory Tracking is off on this node; it can only be switched on at "
                    + "start: start the JVM with -XX:NativeMemoryTracking=summary (costs about 5-10% in speed and some "
                    + "memory)", plain.err().strip());
        }
    }

    /** Needs a JDK 21+ on the machine (JDK 25 here); skipped where there is none. */
    @Test
    void histogramAndNativeMemoryOfAJdk25Target() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = heapTarget(Jdks.requireModern(), home,
                List.of("-XX:NativeMemoryTracking=summary"), 20_000, 0)) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--json", "--cmd", "heap_histogram(50)",
                    "--cmd", "memory(native)");

            assertEquals(0, run.exit(), run::toString);
            JsonNode histogram = Json.mapper().readTree(run.outLines().get(0)).get("result");
            assertTrue(histogram.get("classes").findValuesAsText("name").contains(HEAP_TARGET + "$RetainedOrder"),
                    run::toString);
            JsonNode nmt = Json.mapper().readTree(run.outLines().get(1)).get("result");
            assertTrue(nmt.get("categories").findValuesAsText("name").contains("Java Heap"), run::toString);
        }
    }

    private static TargetJvm heapTarget(Path java, DiagHomeDir home, List<String> jvmArgs, int orders, int garbageMiB)
            throws Exception {
        TargetJvm target = TargetJvm.start(java, home, "orders", "", jvmArgs, Repo.TEST_CLASSES.toString(), HEAP_TARGET,
                Integer.toString(orders), Integer.toString(garbageMiB));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!target.output().contains("ready") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String output = target.output();
        assertTrue(output.contains("ready"), output);
        return target;
    }
}
