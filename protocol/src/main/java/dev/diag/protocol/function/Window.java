package dev.diag.protocol.function;

/**
 * A function that answers only after a window its caller chose, e.g. {@code proc_window}'s Ms:
 * the argument at {@code argument} (0-based) is that window in units of {@code unitMillis}
 * (1 for milliseconds, 1000 for {@code profile}'s Seconds), at most {@code maxMillis}. The shell
 * waits that much longer than its usual timeout. A stream that may stay silent for as long as it
 * runs (a trace waiting for calls) says {@link #whole}: no argument, always {@code maxMillis}.
 */
public record Window(int argument, long maxMillis, long unitMillis) {

    /** A window given in milliseconds. */
    public Window(int argument, long maxMillis) {
        this(argument, maxMillis, 1);
    }

    /** A window of {@code maxMillis} whatever the arguments. */
    public static Window whole(long maxMillis) {
        return new Window(-1, maxMillis);
    }

    /** How long a call whose window argument is {@code value} holds its answer back. */
    public long millis(long value) {
        return Math.max(0, Math.min(value * unitMillis, maxMillis));
    }
}
