package dev.diag.protocol.result;

/**
 * One row of {@code recon:proc_window}: a thread, its value at the window's end, what it grew by
 * during the window ({@code delta}) and that growth per second. Units as in {@link RankedProcess}.
 */
public record WindowedProcess(long pid, String name, long value, long delta, double perSecond, String state,
        String currentFunction) {
}
