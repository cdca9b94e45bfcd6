package dev.diag.protocol.result;

/**
 * One running trace as {@code trace:status()} and {@code trace:stop()} list it: who started it
 * (user and address, as {@code busy} names callers), what it traces, its limit as typed, the
 * calls shown and dropped so far, how many classes it hooked and how long it has run.
 */
public record TraceInfo(String caller, String target, String limit, long shown, long dropped, int classes,
        long runningMillis) {
}
