package dev.diag.protocol.result;

/**
 * {@code jfr:start(Settings)} and {@code jfr:stop()}: diag's flight recording in the node, its JDK
 * settings ({@code default}, {@code profile}), its state as the JDK names it ({@code RUNNING}, or
 * {@code CLOSED} once stopped), how long it has recorded, how many bytes it holds in the JVM's
 * repository, and the most it keeps there (older chunks are dropped past it).
 */
public record JfrRecording(String settings, String state, long recordedMillis, long bytes, long maxBytes) {
}
