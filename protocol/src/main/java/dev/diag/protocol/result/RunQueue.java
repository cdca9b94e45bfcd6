package dev.diag.protocol.result;

/**
 * {@code statistics(run_queue)}: two different answers to "how much is waiting to run", labelled.
 * {@code loadAverage} is the host's 1-minute system load average (runnable and, on Linux,
 * uninterruptible tasks of every process, averaged), null where the OS does not give it.
 * {@code runnable} is this JVM's platform threads in state RUNNABLE right now, not counting the
 * thread answering this call, out of {@code threads} live platform threads. Of the runnable,
 * {@code inNative} are in native code, mostly blocked in native I/O (socket reads, epoll waits),
 * and {@code jvmService} are the JVM's own service threads (Reference Handler, Signal Dispatcher),
 * which the JVM reports RUNNABLE while they wait; the rest run or are ready to run Java code.
 * {@code note} says what is not counted (virtual threads on JDK 21+), or is null.
 */
public record RunQueue(String item, Double loadAverage, int processors, int runnable, int inNative, int jvmService,
        int threads, String note) {
    public static final String ITEM = "run_queue";

    public RunQueue(Double loadAverage, int processors, int runnable, int inNative, int jvmService, int threads,
            String note) {
        this(ITEM, loadAverage, processors, runnable, inNative, jvmService, threads, note);
    }
}
