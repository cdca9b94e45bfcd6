package dev.diag.agent.probe;

import java.util.function.LongSupplier;

/**
 * How many items have left one mailbox so far, where its queue or pool keeps a count of it: a
 * ThreadPoolExecutor's completed tasks, a Disruptor ring's slowest consumer sequence, an
 * ArrayBlockingQueue's take index. Read twice, a window apart, it gives the drain rate; with the
 * mailbox's size at both ends, the arrival rate too (what came in = what left + how much it grew),
 * so a meter counts only one thing. Queues that count nothing (LinkedBlockingQueue, an actor's
 * mailbox, an event loop's task queue) have no meter, and {@code why()} says so.
 *
 * <p>Reads are lock-free field reads or a JDK getter that holds the pool's lock for a moment; a
 * meter never calls the app's own code, never throws, and holds its queue only for one call.
 */
@FunctionalInterface
public interface FlowMeter {
    /** The count now; negative when it could not be read this time. */
    long drained();

    /**
     * 0 for a running total; else the count is an index that wraps at this value (a ring's), so
     * it must be read more often than the ring can turn over: {@link #wrapsAt()} items apart.
     */
    default int wrapsAt() {
        return 0;
    }

    /** Where the count comes from, for the evidence: "completed tasks". */
    default String counts() {
        return "completed tasks";
    }

    /** A running total read by {@code reader}, described as {@code counts}. */
    static FlowMeter total(String counts, LongSupplier reader) {
        return new FlowMeter() {
            @Override
            public long drained() {
                return reader.getAsLong();
            }

            @Override
            public String counts() {
                return counts;
            }
        };
    }
}
