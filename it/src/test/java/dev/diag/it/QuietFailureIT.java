package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The agent is a silent guest: what goes wrong on its connections never shows as a trace in the target's output. */
class QuietFailureIT {

    @Test
    void shellsKilledMidStreamLeaveNoTraceInTheTargetsOutput() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "quiet")) {
            for (int i = 0; i < 5; i++) {
                // top() streams a sample a second until the caller goes: kill the caller between two
                DiagCli.Running top = DiagCli.start(home, null, "--node", "quiet", "--cmd", "top()");
                Thread.sleep(2_500);
                top.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Thread.sleep(1_500); // the node's next sample finds each connection gone

            DiagCli.Run run = ConnectionLimitsIT.call(home, "quiet");
            assertEquals(0, run.exit(), run::toString);
            ConnectionLimitsIT.assertQuiet(target);
            assertEquals(1, target.output().lines().filter(l -> l.startsWith("diag: ")).count(), target.output());
        }
    }
}
