package dev.diag.agent.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.heart.Watchdog.Verdict;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchdogTest {
    private long now = 1_000_000_000L;
    private final Watchdog watchdog = new Watchdog(TimeUnit.SECONDS.toNanos(10), () -> now);

    /** Advances the clock in heart's 100 ms steps, checking at each, as HeartMain does. */
    private Watchdog.Decision after(long millis, boolean alive) {
        Watchdog.Decision decision = watchdog.check(alive);
        for (long t = 0; t < millis; t += 100) {
            now += TimeUnit.MILLISECONDS.toNanos(100);
            decision = watchdog.check(alive);
            if (decision.verdict() != Verdict.WATCHING) {
                return decision;
            }
        }
        return decision;
    }

    @Test
    void watchesWhileBeatsComeAndCallsItHungOnceTheTimeoutPassesWithoutOne() {
        for (int i = 0; i < 30; i++) {
            assertEquals(Verdict.WATCHING, after(1000, true).verdict());
            watchdog.beat();
        }
        assertEquals(Verdict.WATCHING, after(9_900, true).verdict());
        Watchdog.Decision hung = after(200, true);
        assertEquals(Verdict.HUNG, hung.verdict());
        assertTrue(hung.reason().startsWith("no beat for 10.1 s, the last at "), hung.reason());
        assertTrue(hung.reason().endsWith("its beat thread made no progress (the process is stopped, wedged in a pause, "
                + "or a health check hangs)"), hung.reason());
    }

    @Test
    void givesTheNodeOneTimeoutForItsFirstBeat() {
        assertEquals(Verdict.WATCHING, after(9_900, true).verdict());
        Watchdog.Decision hung = after(200, true);
        assertEquals(Verdict.HUNG, hung.verdict());
        assertTrue(hung.reason().contains("none since heart started"), hung.reason());
    }

    @Test
    void saysWhyWhenTheNodeWithheldTheBeat() {
        watchdog.beat();
        watchdog.withheld("health check 'db' (pool exhausted) failing");
        Watchdog.Decision hung = after(10_100, true);
        assertEquals(Verdict.HUNG, hung.verdict());
        assertTrue(hung.reason().endsWith("because health check 'db' (pool exhausted) failing"), hung.reason());
    }

    @Test
    void aBeatAfterAWithholdingForgetsTheReason() {
        watchdog.withheld("health check 'db' failing");
        watchdog.beat();
        Watchdog.Decision hung = after(10_100, true);
        assertTrue(hung.reason().contains("made no progress"), hung.reason());
    }

    @Test
    void goodbyeMeansExitEvenOnceTheProcessIsGone() {
        watchdog.goodbye();
        watchdog.ended("the pipe closed");
        assertEquals(Verdict.GOODBYE, watchdog.check(false).verdict());
    }

    @Test
    void aDeathIsCalledAtOnceWhenThePipeHasEnded() {
        watchdog.ended("the pipe closed");
        Watchdog.Decision died = watchdog.check(false);
        assertEquals(Verdict.DIED, died.verdict());
        assertTrue(died.reason().startsWith("the node's process is gone without saying goodbye"), died.reason());
    }

    @Test
    void aDeathWaitsUpToASecondForAGoodbyeStillInThePipe() {
        assertEquals(Verdict.WATCHING, after(900, false).verdict());
        assertEquals(Verdict.DIED, after(200, false).verdict());
    }

    @Test
    void aGoodbyeReadWhileTheDeathIsBeingDrainedWins() {
        assertEquals(Verdict.WATCHING, after(300, false).verdict());
        watchdog.goodbye();
        assertEquals(Verdict.GOODBYE, watchdog.check(false).verdict());
    }

    @Test
    void givesAFreshTimeoutWhenHeartItselfDidNotRun() {
        watchdog.beat();
        watchdog.check(true);
        now += TimeUnit.SECONDS.toNanos(30); // heart and node stopped together, then continued
        Watchdog.Decision decision = watchdog.check(true);
        assertEquals(Verdict.WATCHING, decision.verdict());
        assertEquals("heart itself did not run for 30.0 s (stopped with its node?); the node gets a fresh timeout",
                decision.aside());
        assertNull(after(9_000, true).aside());
        assertEquals(Verdict.HUNG, after(1_200, true).verdict());
    }

    @Test
    void keepsTheLastCommandItWasSent() {
        watchdog.command(new byte[] {'a'});
        watchdog.command(new byte[] {'b', 'c'});
        assertEquals(2, watchdog.command().length);
    }
}
