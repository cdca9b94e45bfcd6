package dev.diag.protocol.result;

/** The end of {@code backtraces()}: how many threads were sent, in how many stack pauses of at most {@code batch} threads. */
public record DumpSummary(int threads, int pauses, int batch) {
}
