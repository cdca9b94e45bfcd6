package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM hung in shutdown (a hook that sleeps 20 s after SIGTERM) stays reachable: the agent
 * keeps serving until the halt, says the JVM is shutting down and names the hook still running;
 * and diag inject into such a JVM starts the agent, adding no hook.
 */
class ShutdownIT {
    private static final String FIXTURE = "dev.diag.it.fixture.ShutdownHangTarget";

    @Test
    void aJvmHungInAShutdownHookStillAnswersAndNamesTheHook() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(Jdks.current(), home, "exiting", "", Repo.TEST_CLASSES.toString(),
                        FIXTURE, "20")) {
            DiagCli.Run before = DiagCli.run(home, "--node", "exiting", "--cmd", "system_info(shutdown)");
            assertTrue(before.out().lines().anyMatch(l -> l.matches("shutdown +no .*")), before::toString);
            assertTrue(before.out().contains("slow-shutdown-hook") && before.out().contains("NEW"), before::toString);

            target.terminate();
            awaitOutput(target, "shutdown hook started");

            DiagCli.Run during = DiagCli.run(home, "--node", "exiting", "--cmd", "system_info(shutdown)");
            assertEquals(0, during.exit(), during::toString);
            assertTrue(during.out().lines().anyMatch(l -> l.matches("shutdown +in progress +for .*since .*")),
                    during::toString);
            assertTrue(during.out().contains("begun by") && during.out().contains("SIGTERM handler"), during::toString);
            assertTrue(during.out().lines().anyMatch(l -> l.matches(" +<\\d+> +slow-shutdown-hook +TIMED_WAITING.*")),
                    during::toString);
            assertTrue(DiagCli.run(home, "nodes").out().contains("exiting"), "the node is still listed");
            assertTrue(target.isAlive());
        }
    }

    @Test
    void injectIntoAJvmInShutdownStartsTheAgentAndNamesTheHookItWaitsFor() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm plain = TargetJvm.startPlain(Jdks.current(), home, Repo.TEST_CLASSES.toString(), FIXTURE)) {
            plain.terminate();
            awaitOutput(plain, "shutdown hook started");

            DiagCli.Run inject = DiagCli.run(home, "inject", Long.toString(plain.pid()), "--name", "late");
            assertEquals(0, inject.exit(), inject::toString);
            assertTrue(inject.out().contains("running as node late@"), inject::toString);

            DiagCli.Run during = DiagCli.run(home, "--node", "late", "--cmd", "system_info(shutdown)");
            assertEquals(0, during.exit(), during::toString);
            assertTrue(during.out().lines().anyMatch(l -> l.matches("shutdown +in progress +since before the agent started.*")),
                    during::toString);
            assertTrue(during.out().lines().anyMatch(l -> l.matches(" +<\\d+> +slow-shutdown-hook +TIMED_WAITING.*")),
                    during::toString);
            assertTrue(during.out().contains("note: "), "says why the other hooks cannot be listed: " + during);
        }
    }

    private static void awaitOutput(TargetJvm target, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!target.output().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the target did not print '" + text + "' within 10 s:\n" + target.output());
            }
            Thread.sleep(20);
        }
    }
}
