package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** backtraces(): every thread, jstack-like, streamed; the lock picture of each thread is there. */
class BacktracesIT {

    @Test
    void everyThreadWithTheLockItWaitsForAndWhoHoldsIt() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(Jdks.current(), home, "locks", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.LocksTarget")) {
            DiagCli.Run human = DiagCli.run(home, "--node", "locks", "--cmd", "backtraces()");
            assertEquals(0, human.exit(), human::toString);
            assertTrue(human.out().contains("\"monitor-waiter\" BLOCKED"), human::toString);
            assertTrue(human.out().lines().anyMatch(l -> l.contains("waiting for <0x") && l.contains("monitor-holder")),
                    human::toString);
            assertTrue(human.out().contains("- locked <0x"), human::toString);
            assertTrue(human.out().lines().anyMatch(l -> l.matches("\\d+ threads, their stacks taken in \\d+ pause.*")),
                    human::toString);

            DiagCli.Run json = DiagCli.run(home, "--node", "locks", "--json", "--cmd", "backtraces()");
            List<String> lines = json.outLines();
            JsonNode last = Json.mapper().readTree(lines.get(lines.size() - 1));
            assertEquals(lines.size() - 1, last.get("result").get("threads").asInt(), json::toString);
            for (String line : lines.subList(0, lines.size() - 1)) {
                assertTrue(Json.mapper().readTree(line).get("row").has("frames"), line);
            }
        }
    }
}
