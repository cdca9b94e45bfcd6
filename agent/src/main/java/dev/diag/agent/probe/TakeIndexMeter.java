package dev.diag.agent.probe;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * An {@link ArrayBlockingQueue}'s drain, from its {@code takeIndex}: the slot the next take
 * empties, which moves by one per item taken and wraps at the queue's capacity. Logback's and
 * log4j2's async appenders keep their events in one. Read without the queue's lock (a racy read
 * of one int is all a rate needs); read often enough, each step between two reads is the items
 * taken in between, unless a whole turn of the ring passed unseen: see {@link FlowMeter#wrapsAt()}.
 */
final class TakeIndexMeter implements FlowMeter {
    private final ArrayBlockingQueue<?> queue;
    private final JdkInternals internals;
    private final int capacity;

    private TakeIndexMeter(ArrayBlockingQueue<?> queue, JdkInternals internals, int capacity) {
        this.queue = queue;
        this.internals = internals;
        this.capacity = capacity;
    }

    /** A meter of {@code queue}, or null when it is not a JDK ArrayBlockingQueue whose fields diag can read. */
    static FlowMeter of(Object queue, JdkInternals internals) {
        if (queue == null || queue.getClass() != ArrayBlockingQueue.class) {
            return null; // a subclass may take items some other way
        }
        if (!(internals.read(queue, "items").orElse(null) instanceof Object[] items) || items.length == 0
                || !(internals.read(queue, "takeIndex").orElse(null) instanceof Integer)) {
            return null;
        }
        return new TakeIndexMeter((ArrayBlockingQueue<?>) queue, internals, items.length);
    }

    @Override
    public long drained() {
        return internals.read(queue, "takeIndex").orElse(null) instanceof Integer index ? index : -1;
    }

    @Override
    public int wrapsAt() {
        return capacity;
    }

    @Override
    public String counts() {
        return "the queue's take index";
    }
}
