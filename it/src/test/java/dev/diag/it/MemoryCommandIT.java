package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bin/diag --cmd memory} against real target JVMs with the agent, over loopback TCP. */
class MemoryCommandIT {

    @Test
    void memoryOfAForkedJvm() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--cmd", "memory", "--node", "orders");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.err().isEmpty(), run::toString);
            List<String> lines = run.outLines();
            assertTrue(lines.get(0).matches("AREA\\s+USED\\s+COMMITTED\\s+MAX"), run::toString);
            assertTrue(lines.stream().anyMatch(l -> l.matches("heap\\s+[0-9.]+ [KMG]iB\\s+[0-9.]+ [KMG]iB\\s+[0-9.]+ [KMG]iB")),
                    run::toString);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("total (resident set)")), run::toString);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("POOL")), run::toString);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("COLLECTOR")), run::toString);
            assertTrue(target.isAlive());
        }
    }

    @Test
    void acceptsErlangSpellingsOfTheSameCall() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders",
                    "--cmd", "memory()", "--cmd", "erlang:memory(heap).", "--cmd", "c:memory(direct)");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.out().contains("AREA"), run::toString);
            assertTrue(run.out().lines().anyMatch(l -> l.matches("\\d+ +\\(heap: .*\\)")), run::toString);
            assertTrue(run.out().lines().anyMatch(l -> l.matches("\\d+ +\\(direct: .*\\)")), run::toString);
        }
    }

    @Test
    void jsonPrintsOneObjectPerCallNamingNodeAndCall() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--json", "--node", "orders", "--cmd", "memory", "--cmd", "memory(heap)");

            assertEquals(0, run.exit(), run::toString);
            List<String> lines = run.outLines();
            assertEquals(2, lines.size(), run::toString);
            JsonNode whole = Json.mapper().readTree(lines.get(0));
            assertTrue(whole.get("ok").asBoolean());
            assertTrue(whole.get("node").asText().startsWith("orders@"));
            assertEquals("memory()", whole.get("call").asText());
            JsonNode heap = whole.get("result").get("heap");
            assertTrue(heap.get("used").asLong() > 0 && heap.get("used").asLong() <= heap.get("committed").asLong());
            assertTrue(whole.get("result").get("threads").get("count").asInt() > 0);
            JsonNode one = Json.mapper().readTree(lines.get(1));
            assertEquals("heap", one.get("result").get("kind").asText());
            assertTrue(one.get("result").get("bytes").asLong() > 0);
        }
    }

    @Test
    void usesTheOnlyLocalNodeWhenNoneIsNamed() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "solo")) {
            DiagCli.Run run = DiagCli.run(home, "--cmd", "memory(heap)");

            assertEquals(0, run.exit(), run::toString);
        }
    }

    @Test
    void asksWhichNodeWhenSeveralRunAndNoneIsNamed() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm a = TargetJvm.start(home, "alpha");
                TargetJvm b = TargetJvm.start(home, "beta")) {
            DiagCli.Run run = DiagCli.run(home, "--cmd", "memory");

            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.err().contains("--node") && run.err().contains("alpha") && run.err().contains("beta"),
                    run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
        }
    }

    /** Needs a JDK 21+ on the machine (JDK 25 here); skipped where there is none. */
    @Test
    void memoryOfAJdk25Target() throws Exception {
        Path modern = Jdks.requireModern();
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(modern, home, "modern", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.IdleTarget")) {
            DiagCli.Run run = DiagCli.run(home, "--json", "--cmd", "memory", "--node", "modern");

            assertEquals(0, run.exit(), run::toString);
            JsonNode result = Json.mapper().readTree(run.outLines().get(0)).get("result");
            assertTrue(result.get("heap").get("used").asLong() > 0, run::toString);
            assertTrue(result.get("pools").size() > 0, run::toString);
        }
    }
}
