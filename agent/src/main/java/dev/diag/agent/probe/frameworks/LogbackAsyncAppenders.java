package dev.diag.agent.probe.frameworks;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.MailboxCandidate;
import dev.diag.agent.probe.Queues;
import java.util.List;
import java.util.Queue;

/**
 * Logback's {@code AsyncAppenderBase} (and so {@code AsyncAppender}): its worker is a Thread
 * subclass, {@code AsyncAppenderBase$Worker}, whose outer instance is the appender; the appender
 * keeps its events in {@code blockingQueue} (an ArrayBlockingQueue of {@code queueSize}). The
 * mailbox is named after the appender ({@code <appender name="ASYNC">}), and a logging thread
 * blocked in put() on the full queue is recognised by the queue's conditions.
 * Read from logback-core 1.3 to 1.5 and 1.6 (the same fields); cost: three field reads.
 */
final class LogbackAsyncAppenders implements FrameworkQueues {
    static final String KIND = "logback";
    private static final String WORKER = "ch.qos.logback.core.AsyncAppenderBase$Worker";

    private final JdkInternals internals;

    LogbackAsyncAppenders(JdkInternals internals) {
        this.internals = internals;
    }

    @Override
    public String framework() {
        return "logback AsyncAppender";
    }

    @Override
    public Object holderOf(Thread thread, Object task) {
        return thread.getClass().getName().equals(WORKER) ? internals.read(thread, "this$0").orElse(null) : null;
    }

    @Override
    public List<MailboxCandidate> mailboxes(Object appender, List<Thread> workers) throws ReflectiveOperationException {
        if (!(internals.read(appender, "blockingQueue").orElse(null) instanceof Queue<?> queue)) {
            throw new NoSuchFieldException("blockingQueue");
        }
        int size = queue.size();
        Object name = internals.read(appender, "name").orElse(null);
        return List.of(new MailboxCandidate(name instanceof String s && !s.isEmpty() ? s : "logback-async", KIND, size,
                Queues.capacity(queue, size, internals), Queues.ids(workers), appender,
                Queues.conditions(queue, internals)).withFlow(Queues.flow(queue, internals)));
    }
}
