package dev.diag.agent.trace;

import dev.diag.agent.functions.CallContext;
import java.util.List;

/**
 * The trace's call thread while the trace lives: every {@link Tracing#TICK_MILLIS} it sends the
 * recorded calls to the caller (waiting, as every stream does, for the connection to take them:
 * meanwhile the app's threads drop calls into a full buffer, never wait), refills a rate limit's
 * window, and ends the trace at its count, its time, a cancel or disconnect, or trace:stop().
 */
final class TraceLoop {
    private final ActiveTrace trace;
    private final CallContext context;

    TraceLoop(ActiveTrace trace, CallContext context) {
        this.trace = trace;
        this.context = context;
    }

    /** Runs until the trace ends; says why: count, time, cancelled or stopped. */
    String run() {
        TraceSpec spec = trace.spec;
        long start = trace.startedNanos;
        long deadline = start + spec.timeMillis() * 1_000_000;
        long window = spec.windowMillis() * 1_000_000;
        long nextWindow = start + window;
        long limitReachedAt = 0;
        while (true) {
            if (context.cancelled()) {
                return "cancelled";
            }
            if (trace.stopRequested()) {
                return "stopped";
            }
            List<?> rows = trace.drain(Tracing.ROWS_PER_CHUNK);
            if (!rows.isEmpty()) {
                context.emit(rows);
            }
            long now = System.nanoTime();
            if (trace.spent()) {
                return "count";
            }
            if (trace.limitReached()) {
                limitReachedAt = limitReachedAt == 0 ? now : limitReachedAt;
                if (now - limitReachedAt > Tracing.GRACE_MILLIS * 1_000_000 && !trace.hasBuffered()) {
                    return "count"; // a call admitted long ago has not ended (a thread parked in it): stop waiting
                }
            }
            if (now - deadline >= 0) {
                return "time";
            }
            if (spec.rated() && now - nextWindow >= 0) {
                trace.refill();
                nextWindow = Math.max(nextWindow + window, now); // a late tick starts a fresh window, never a double one
            }
            long sleep = Tracing.TICK_MILLIS;
            if (spec.rated()) {
                sleep = Math.min(sleep, Math.max(1, (nextWindow - now) / 1_000_000));
            }
            try {
                Thread.sleep(Math.max(1, Math.min(sleep, (deadline - now) / 1_000_000 + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "cancelled";
            }
        }
    }
}
