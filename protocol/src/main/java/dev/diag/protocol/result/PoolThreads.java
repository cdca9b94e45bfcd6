package dev.diag.protocol.result;

/** A pool's threads as a web server counts them: {@code busy} running a task now, of at most {@code max}. */
public record PoolThreads(int busy, int max) {
}
