package dev.diag.agent.heart;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Heart's judgement, apart from any process: fed the node's messages (on the reading thread) and
 * asked every 100 ms (on the main thread) what to do. Times are {@link System#nanoTime}, which
 * keeps counting while the node is stopped.
 *
 * <pre>
 * goodbye received                         → GOODBYE: exit, no restart
 * process gone, pipe drained or 1 s later  → DIED:    restart
 * no beat for the timeout                  → HUNG:    kill, then restart
 * heart itself did not run for 2 s+        → the node gets a fresh timeout (a stopped heart, not a hung node)
 * </pre>
 */
final class Watchdog implements HeartPipe.Listener {
    enum Verdict { WATCHING, GOODBYE, DIED, HUNG }

    /** A verdict and, for DIED and HUNG, the reason heart logs and hands on; {@code aside} is a line to log now. */
    record Decision(Verdict verdict, String reason, String aside) {
    }

    static final long STALL_NANOS = 2_000_000_000L;
    static final long DRAIN_NANOS = 1_000_000_000L;

    private final long timeoutNanos;
    private final LongSupplier clock;
    private long lastBeat;
    private long lastBeatWallMillis;
    private String withheld;
    private long withheldSinceWallMillis;
    private byte[] command = new byte[0];
    private boolean goodbye;
    private String ended;
    private long lastCheck;
    private long deathSeen = -1;

    Watchdog(long timeoutNanos, LongSupplier clock) {
        this.timeoutNanos = timeoutNanos;
        this.clock = clock;
        this.lastBeat = clock.getAsLong(); // the node gets one timeout to send its first beat
    }

    @Override
    public synchronized void beat() {
        lastBeat = clock.getAsLong();
        lastBeatWallMillis = System.currentTimeMillis();
        withheld = null;
    }

    @Override
    public synchronized void withheld(String reason) {
        if (withheld == null) {
            withheldSinceWallMillis = System.currentTimeMillis();
        }
        withheld = reason;
    }

    @Override
    public synchronized void command(byte[] bytes) {
        command = bytes;
    }

    @Override
    public synchronized void goodbye() {
        goodbye = true;
    }

    @Override
    public synchronized void ended(String why) {
        ended = why;
    }

    synchronized boolean pipeEnded() {
        return ended != null;
    }

    synchronized byte[] command() {
        return command;
    }

    /** What to do now, the node's process being {@code alive} or not. */
    synchronized Decision check(boolean alive) {
        long now = clock.getAsLong();
        String aside = null;
        if (lastCheck != 0 && now - lastCheck > STALL_NANOS) {
            aside = "heart itself did not run for " + seconds(now - lastCheck) + " (stopped with its node?); "
                    + "the node gets a fresh timeout";
            lastBeat = now;
        }
        lastCheck = now;
        if (goodbye) {
            return new Decision(Verdict.GOODBYE, null, aside);
        }
        if (!alive) {
            if (deathSeen < 0) {
                deathSeen = now;
            }
            // a goodbye may still be in the pipe: read to its end (or a second) before calling it a death
            if (ended != null || now - deathSeen > DRAIN_NANOS) {
                return new Decision(Verdict.DIED, "the node's process is gone without saying goodbye "
                        + "(killed, crashed, or halted without shutdown hooks)", aside);
            }
            return new Decision(Verdict.WATCHING, null, aside);
        }
        if (now - lastBeat > timeoutNanos) {
            String last = lastBeatWallMillis == 0 ? "none since heart started"
                    : "the last at " + Instant.ofEpochMilli(lastBeatWallMillis);
            return new Decision(Verdict.HUNG, "no beat for " + seconds(now - lastBeat) + ", " + last + "; "
                    + (withheld != null
                            ? "the node has withheld it since " + Instant.ofEpochMilli(withheldSinceWallMillis)
                                    + " because " + withheld
                            : "its beat thread made no progress (the process is stopped, wedged in a pause, "
                                    + "or a health check hangs)"), aside);
        }
        return new Decision(Verdict.WATCHING, null, aside);
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
