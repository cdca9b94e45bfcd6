package dev.diag.protocol.result;

/** A streamed row of {@code profile(Event, Seconds)}: samples taken so far, and how long it has sampled. */
public record ProfileProgress(long samples, long elapsedMillis, long seconds) {
}
