package dev.diag.protocol.function;

/**
 * A function that answers only after a window its caller chose, e.g. {@code proc_window}'s Ms:
 * the argument at {@code argument} (0-based) is that window in milliseconds, at most
 * {@code maxMillis}. The shell waits that much longer than its usual timeout.
 */
public record Window(int argument, long maxMillis) {

    /** How long a call whose window argument is {@code value} holds its answer back. */
    public long millis(long value) {
        return Math.max(0, Math.min(value, maxMillis));
    }
}
