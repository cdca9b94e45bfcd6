package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bin/diag --cmd 'system_info(Item)'} and {@code statistics(Item)} against real target JVMs. */
class SystemInfoIT {

    @Test
    void answersEveryItemOfBothFunctionsInOneRun() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders",
                    "--cmd", "system_info(process_count)", "--cmd", "erlang:system_info(process_limit).",
                    "--cmd", "system_info(schedulers)", "--cmd", "system_info(version)", "--cmd", "system_info(uptime)",
                    "--cmd", "statistics(runtime)", "--cmd", "erlang:statistics(wall_clock).",
                    "--cmd", "statistics(garbage_collection)", "--cmd", "statistics(run_queue)");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.err().isEmpty(), run::toString);
            List<String> lines = run.outLines();
            assertHas(lines, "live threads +\\d+  platform threads, \\d+ of them daemon", run);
            assertHas(lines, "available processors +\\d+  .*", run);
            assertHas(lines, "java +\"\\d[^\"]*\", feature release 17", run);
            assertHas(lines, "agent +\"\\d+\\.\\d+\\.\\d+[^\"]*\"", run);
            assertHas(lines, "uptime +\\d+ s  [\\d,]+ ms, since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", run);
            assertHas(lines, "cpu time +[\\d.]+ m?s  .*", run);
            assertHas(lines, "wall clock +\\d+ s  .*", run);
            assertHas(lines, "COLLECTOR +COLLECTIONS +TIME", run);
            assertHas(lines, "G1 Young Generation +\\d+ +[\\d.]+ m?s", run);
            assertHas(lines, "load average +[\\d.]+  the whole host's, over 1 minute, with \\d+ processors", run);
            assertHas(lines, "runnable threads +\\d+  this JVM's threads RUNNABLE now, of \\d+ live:", run);
            assertTrue(target.isAlive());
        }
    }

    @Test
    void namesTheTightestLimitOnThreadsOfThisHost() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", "system_info(process_limit)");
            DiagCli.Run json = DiagCli.run(home, "--node", "orders", "--json", "--cmd", "system_info(process_limit)");

            assertEquals(0, run.exit(), run::toString);
            List<String> lines = run.outLines();
            assertTrue(lines.get(0).matches("LIMIT +MAX +IN USE +HEADROOM"), run::toString);
            assertHas(lines, "tightest: .*", run);
            assertHas(lines, "this JVM: \\d+ live threads.*", run);
            JsonNode result = Json.mapper().readTree(json.outLines().get(0)).get("result");
            assertEquals("process_limit", result.get("item").asText());
            assertTrue(result.get("jvmThreads").asInt() > 0, json::toString);
            if (Files.isReadable(Path.of("/proc/sys/kernel/pid_max"))) {
                // readAllLines, not readString: sysctl files answer a read at offset 1 with end-of-file,
                // so readString (one byte, then the rest) gives "3" for 32768.
                long pidMax = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).strip());
                assertEquals(pidMax, result.get("pidMax").get("max").asLong(), json::toString);
                assertHas(lines, "pid_max \\(host\\) +[\\d,]+ +[\\d,]+ +[\\d,]+", run);
                assertTrue(result.get("headroom").asLong() > 0, json::toString);
            }
        }
    }

    @Test
    void refusesAnUnknownItemOrNoItemInOneLine() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run unknown = DiagCli.run(home, "--node", "orders", "--cmd", "statistics(reductions)");
            DiagCli.Run none = DiagCli.run(home, "--node", "orders", "--cmd", "system_info()");

            assertEquals(1, unknown.exit(), unknown::toString);
            assertEquals("diag: statistics(reductions): unknown item 'reductions'; use one of runtime, wall_clock, "
                    + "garbage_collection, run_queue", unknown.err().strip());
            assertTrue(none.exit() != 0, none::toString);
            assertTrue(none.err().startsWith("diag: there is no function system_info/0; did you mean system_info/1?"),
                    none::toString);
            assertTrue(target.isAlive());
        }
    }

    /** Needs a JDK 21+ on the machine (JDK 25 here); skipped where there is none. */
    @Test
    void countsVirtualThreadsOnAJdk25Target() throws Exception {
        Path modern = Jdks.requireModern();
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(modern, home, "modern", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.IdleTarget")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "modern", "--cmd", "system_info(process_count)",
                    "--cmd", "statistics(run_queue)");
            DiagCli.Run json = DiagCli.run(home, "--node", "modern", "--json", "--cmd", "system_info(process_count)",
                    "--cmd", "system_info(version)");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.outLines().get(0).startsWith("processes "), run::toString);
            assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("virtual threads ")), run::toString);
            assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("note: virtual threads are not in these counts")),
                    run::toString);
            JsonNode count = Json.mapper().readTree(json.outLines().get(0)).get("result");
            assertTrue(count.get("live").asInt() > 0, json::toString);
            assertEquals(0, count.get("virtual").asLong(), json::toString);
            assertEquals(count.get("live").asLong(), count.get("processes").asLong(), json::toString);
            assertNull(count.get("note"), json::toString);
            JsonNode version = Json.mapper().readTree(json.outLines().get(1)).get("result");
            assertTrue(version.get("feature").asInt() >= 21, json::toString);
        }
    }

    private static void assertHas(List<String> lines, String regex, DiagCli.Run run) {
        assertTrue(lines.stream().anyMatch(line -> line.matches(regex)), () -> "no line matches " + regex + "\n" + run);
    }
}
