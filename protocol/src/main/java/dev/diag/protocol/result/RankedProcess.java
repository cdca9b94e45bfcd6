package dev.diag.protocol.result;

/**
 * One row of {@code recon:proc_count}: a thread and its value of the attribute ranked (CPU
 * nanoseconds for reductions, bytes allocated for memory, queued tasks for message_queue_len).
 * {@code currentFunction} is {@code Class.method} of its top frame, null when none was taken.
 */
public record RankedProcess(long pid, String name, long value, String state, String currentFunction) {
}
