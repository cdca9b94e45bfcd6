package dev.diag.agent.probe.frameworks;

import dev.diag.agent.probe.FlowMeter;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.MailboxCandidate;
import dev.diag.agent.probe.Queues;
import dev.diag.agent.probe.SpinWait;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The LMAX Disruptor's ring buffers, as log4j2's async loggers use them (all-async through
 * {@code AsyncLoggerContextSelector}, and {@code <AsyncLogger>}/{@code AsyncLoggerConfig}): a
 * consumer thread runs a {@code BatchEventProcessor} (its task), whose {@code dataProvider} is the
 * {@code RingBuffer}. The ring's fill level is that thread's mailbox: size = getBufferSize() −
 * remainingCapacity() (how far the slowest consumer is behind the producers; at most the buffer
 * size, as 4.0 counts the slots producers are still waiting for), capacity = the buffer size,
 * owners = every consumer thread of that ring. Named after the consumer thread without log4j2's
 * thread-factory prefix and the counter: log4j2 names them
 * {@code Log4j2-TF-1-AsyncLogger[<context>]-1} and {@code Log4j2-TF-2-AsyncLoggerConfig-2}.
 * Read from disruptor 3.4.4 and 4.0.0 (the same fields), under log4j-core 2.26. Cost: one
 * class-name test per thread with a task, one field read per consumer, two public-method calls
 * per ring; for why()'s rates, {@code getMinimumGatingSequence()} twice a call (lock-free reads).
 *
 * <p>A producer waiting for a slot spins in {@code MultiProducerSequencer.next} (or the single
 * producer's) with {@code LockSupport.parkNanos(1)} and no blocker: its backtrace is tied to the
 * ring by those frames ({@link SpinWait}), where the JVM has one ring; with two or more, the stack
 * does not say which. Under log4j2 the other producers are BLOCKED on the spinning one's enqueue
 * lock (on disruptor 3.4; on 4.0 log4j2 2.26 discards their events instead), which their
 * backtraces show as the lock's owner. {@code links} has no stack, so it does not tie them.
 * {@code WorkProcessor} (3.x's WorkerPool) and processors run by an app's own executor are not
 * claimed.
 */
final class DisruptorRingBuffers implements FrameworkQueues {
    static final String KIND = "disruptor";
    private static final String PROCESSOR = "com.lmax.disruptor.BatchEventProcessor";
    private static final String RING = "com.lmax.disruptor.RingBuffer";
    private static final String LOG4J_FACTORY = "Log4j2-TF-"; // Log4jThreadFactory's "Log4j2-TF-<n>-<name>-<m>"

    private final JdkInternals internals;

    DisruptorRingBuffers(JdkInternals internals) {
        this.internals = internals;
    }

    @Override
    public String framework() {
        return "LMAX Disruptor ring buffer";
    }

    /** The processor's ring; the processor itself when the ring cannot be read, for mailboxes() to say so. */
    @Override
    public Object holderOf(Thread thread, Object task) {
        if (task == null || !task.getClass().getName().equals(PROCESSOR)) {
            return null;
        }
        return internals.read(task, "dataProvider").orElse(task);
    }

    @Override
    public List<MailboxCandidate> mailboxes(Object ring, List<Thread> consumers) throws ReflectiveOperationException {
        Class<?> type = ring.getClass();
        if (!type.getName().equals(RING)) {
            throw new NoSuchFieldException("dataProvider");
        }
        Method bufferSize = type.getMethod("getBufferSize");
        Method remaining = type.getMethod("remainingCapacity");
        int capacity = ((Number) bufferSize.invoke(ring)).intValue();
        // 4.0 moves the cursor before a producer waits for its slot: a full ring reports the
        // waiting claims too (257 of 256), which are not in the ring yet
        long size = Math.min(capacity, capacity - ((Number) remaining.invoke(ring)).longValue());
        Method slowest = type.getMethod("getMinimumGatingSequence");
        FlowMeter consumed = FlowMeter.total("the ring's slowest consumer sequence", () -> {
            try {
                // sequences never wrap and start at -1, the consumer's before its first batch is done:
                // +1 makes it the count consumed, so a consumer stuck in its first batch reads 0, not "unreadable"
                return ((Number) slowest.invoke(ring)).longValue() + 1;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return -1;
            }
        });
        return List.of(new MailboxCandidate(name(consumers), KIND, MailboxCandidate.saturated(size), capacity,
                Queues.ids(consumers), ring, producers()).withFlow(consumed));
    }

    /**
     * Where a producer waits for a slot of a full ring, parked with no blocker: new objects for
     * each ring, as the snapshot tells mailboxes' conditions apart by identity.
     */
    private static List<Object> producers() {
        return List.of(new SpinWait("com.lmax.disruptor.MultiProducerSequencer", "next"),
                new SpinWait("com.lmax.disruptor.SingleProducerSequencer", "next"));
    }

    /**
     * "Log4j2-TF-1-AsyncLogger[AsyncContext@1b6d3586]-1" → "AsyncLogger[AsyncContext@1b6d3586]"
     * (log4j2's thread factory's prefix and the counter go); "Thread-3" → "disruptor".
     */
    static String name(List<Thread> consumers) {
        String name = consumers.isEmpty() ? "" : consumers.get(0).getName();
        int start = 0;
        if (name.startsWith(LOG4J_FACTORY)) {
            int i = LOG4J_FACTORY.length();
            while (i < name.length() && Character.isDigit(name.charAt(i))) {
                i++;
            }
            start = i < name.length() && name.charAt(i) == '-' ? i + 1 : 0;
        }
        int end = name.length();
        while (end > start && Character.isDigit(name.charAt(end - 1))) {
            end--;
        }
        if (end < name.length() && end > start && name.charAt(end - 1) == '-') {
            end--;
        }
        String trimmed = name.substring(start, end);
        return trimmed.isEmpty() || trimmed.equals("Thread") ? KIND : trimmed;
    }
}
