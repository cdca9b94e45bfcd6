package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code diag nodes} lists live local nodes and forgets the ones whose JVM died. */
class NodesCommandIT {

    @Test
    void listsRunningNodesAndDropsTheRecordOfAKilledOne() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm alive = TargetJvm.start(home, "alpha");
                TargetJvm doomed = TargetJvm.start(home, "beta")) {
            doomed.kill(); // SIGKILL: no shutdown hook, its registry file stays behind
            assertTrue(Files.exists(home.path().resolve("nodes/beta.json")));

            DiagCli.Run run = DiagCli.run(home, "nodes");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.outLines().get(0).matches("NODE\\s+PID\\s+ADDRESS\\s+JVM\\s+UPTIME"), run::toString);
            assertTrue(run.out().contains("alpha@") && run.out().contains(Long.toString(alive.pid())), run::toString);
            assertFalse(run.out().contains("beta@"), run::toString);
            assertFalse(Files.exists(home.path().resolve("nodes/beta.json")), "stale record left behind");
        }
    }

    @Test
    void aJvmThatExitedIsNotListedAndItsRecordIsRemovedAsStale() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            TargetJvm target = TargetJvm.start(home, "brief");
            assertTrue(Files.exists(home.path().resolve("nodes/brief.json")));

            // SIGTERM: the hooks run and the agent serves until the halt, so it removes nothing itself
            target.close();

            assertEquals("", DiagCli.run(home, "nodes", "--json").out());
            assertFalse(Files.exists(home.path().resolve("nodes/brief.json")), "the reader removed the stale record");
        }
    }
}
