package dev.diag.protocol.function;

/**
 * How a node answers a function: the shell picks its way of showing the answer from this, never
 * by looking at which JSON fields came back.
 */
public enum Answer {
    /** One result: {@code memory()}. */
    ONE,
    /** Rows as they are ready, then a summary result: {@code i()}, {@code backtraces()}; paged by the console. */
    STREAM,
    /** Rows the console draws as one live screen until a key stops it: {@code top()}; scripts print them as a stream. */
    LIVE
}
