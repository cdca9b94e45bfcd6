package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.Await;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.TopFrames;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** i()'s stack pause on JDK 17 when the depth a batch asked for turns out too short. */
class PlatformRowsTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean stop;

    @Test
    void aStackTakenTooShortIsTakenAgainSoTheRowStillNamesTheFunctionNotThePlumbing() throws Exception {
        Thread latched = start("platform-rows-latched", this::awaitRelease);
        Thread parked = start("platform-rows-parked", this::parkWithoutBlocker);
        try {
            JdkInternals internals = JdkInternals.withoutInstrumentation();
            PlatformRows rows = PlatformRows.of(new MailboxFinder(internals), internals);
            assertTrue(rows.size() <= TopFrames.BATCH, "the test's JVM fits one batch: " + rows.size());

            // as if both had looked like threads parked without a blocker when the depth was chosen
            rows.takeStacks(0, rows.size(), TopFrames.SHALLOW);

            assertEquals("CountDownLatch.await", TopFrames.shortName(rows.frameOf(latched.getId())),
                    "the latch's wait is deeper than " + TopFrames.SHALLOW + " frames: taken again, 8 deep");
            assertEquals("PlatformRowsTest.parkWithoutBlocker", TopFrames.shortName(rows.frameOf(parked.getId())));
            assertEquals(2, rows.pauses(), "the batch's pause and the one that took the latch's stack again");
        } finally {
            stop = true;
            release.countDown();
            LockSupport.unpark(parked);
            Await.ended(latched);
            Await.ended(parked);
        }
    }

    private Thread start(String name, Runnable body) throws InterruptedException {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        Await.state(thread, Thread.State.WAITING);
        return thread;
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            // the test is over
        }
    }

    private void parkWithoutBlocker() {
        while (!stop) {
            LockSupport.park();
        }
    }
}
