package dev.diag.protocol.result;

/** How a {@code top(Samples)} call ended: the samples it sent. */
public record TopSummary(int samples) {
}
