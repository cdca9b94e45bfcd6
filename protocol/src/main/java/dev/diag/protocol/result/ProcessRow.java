package dev.diag.protocol.result;

/**
 * One row of {@code i()}: a thread as Erlang's i() shows a process. {@code heapBytes} is what the
 * thread allocated so far, {@code cpuNanos} its CPU time (Erlang's reductions); {@code msgs} is its
 * mailbox size, null when it serves no queue the agent knows. {@code currentFunction} is
 * {@code Class.method/line} of its top frame, null where the agent did not take a frame. A virtual
 * thread ({@code virtual}) has heap and CPU -1: the JVM measures neither per virtual thread.
 * Built through {@link #platform} and {@link #virtual}, which say which fields each kind has.
 */
public record ProcessRow(long pid, String name, String state, long heapBytes, long cpuNanos, Integer msgs,
        String currentFunction, boolean daemon, boolean virtual) {

    /** A platform thread: its allocation and CPU time are measured; it may drain a mailbox. */
    public static ProcessRow platform(long pid, String name, String state, long heapBytes, long cpuNanos, Integer msgs,
            String currentFunction, boolean daemon) {
        return new ProcessRow(pid, name, state, heapBytes, cpuNanos, msgs, currentFunction, daemon, false);
    }

    /** A virtual thread: always a daemon, no per-thread heap or CPU (-1), and no mailbox diag finds. */
    public static ProcessRow virtual(long pid, String name, String state, String currentFunction) {
        return new ProcessRow(pid, name, state, -1, -1, null, currentFunction, true, true);
    }
}
