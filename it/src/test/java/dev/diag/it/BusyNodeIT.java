package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A node whose call threads are all taken answers "busy" at once, naming who holds them, with its
 * own exit code; and the threads come back when their calls end.
 */
class BusyNodeIT {
    private static final String LONG_CALL = "proc_window(reductions, 3, 50000)";

    @Test
    void aThirdCallerHearsAtOnceWhoHoldsBothCallThreadsAndExitsWith5() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Running[] holders = {longCall(home), longCall(home)};
            try {
                DiagCli.Run busy = awaitBusy(home, holders);

                assertEquals(5, busy.exit(), busy::toString);
                assertEquals(1, busy.err().lines().count(), busy::toString);
                assertTrue(busy.err().matches("(?s)diag: memory\\(heap\\): the node is busy: proc_window\\(reductions, 3, 50000\\) "
                        + "running for \\d+ s for \\S+@localhost, and proc_window\\(reductions, 3, 50000\\) running for \\d+ s"
                        + " for \\S+@localhost; try again shortly\n"), busy::toString);
                assertFalse(busy.err().contains("Exception"), busy::toString);
            } finally {
                for (DiagCli.Running holder : holders) {
                    holder.process().destroy();
                }
            }
            // the callers went away: their calls end with their connections, and the threads come back
            DiagCli.Run after = awaitAnswered(home);
            assertEquals(0, after.exit(), after::toString);
            assertTrue(target.isAlive());
        }
    }

    @Test
    void aSecondCallOnTheSameRunWaitsForTheFirstInsteadOfBeingBusy() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", "proc_window(reductions, 3, 200)",
                    "--cmd", "memory(heap)", "--cmd", "memory(heap)", "--cmd", "memory(heap)");

            assertEquals(0, run.exit(), run::toString); // each call's thread is back before its answer arrives
        }
    }

    private static DiagCli.Running longCall(DiagHomeDir home) throws Exception {
        return DiagCli.start(home, null, "--node", "orders", "--timeout", "60", "--cmd", LONG_CALL);
    }

    /**
     * Calls memory(heap) until the two long calls hold both threads (their shells take a moment to
     * start, longer on a loaded machine). A long call that lost the race for a thread to one of
     * these calls was itself told busy: it is started again. Each call may wait 30 s, as a queued
     * call once did.
     */
    private static DiagCli.Run awaitBusy(DiagHomeDir home, DiagCli.Running[] holders) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            for (int i = 0; i < holders.length; i++) {
                if (!holders[i].process().isAlive()) {
                    holders[i] = longCall(home);
                }
            }
            long start = System.nanoTime();
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--timeout", "30", "--cmd", "memory(heap)");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (run.exit() != 0 && holders[0].process().isAlive() && holders[1].process().isAlive()) {
                // the answer came at once (a JVM's start included), not after the 30 s a queued call waited
                assertTrue(tookMillis < 10_000, "busy answered after " + tookMillis + " ms: " + run);
                return run;
            }
            assertTrue(System.nanoTime() < end, "both long calls never held the threads at once");
            Thread.sleep(200);
        }
    }

    private static DiagCli.Run awaitAnswered(DiagHomeDir home) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", "memory(heap)");
            if (run.exit() != 5 || System.nanoTime() > end) {
                return run;
            }
            Thread.sleep(200);
        }
    }
}
