package dev.diag.agent.probe.frameworks;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.MailboxCandidate;
import dev.diag.agent.probe.Queues;
import java.util.List;
import java.util.Queue;

/**
 * Log4j2's {@code AsyncAppender}: its dispatcher is a Thread subclass,
 * {@code AsyncAppenderEventDispatcher}, that keeps the appender's queue in {@code queue} (an
 * ArrayBlockingQueue of {@code bufferSize} unless the config names another BlockingQueueFactory)
 * and is named {@code Log4j2-AsyncAppenderEventDispatcher-<n>-<appender name>}. The mailbox is named after
 * the appender ({@code <Async name="ASYNC">}), and a logging thread blocked in put() on the full
 * queue is recognised by the queue's conditions. Read from log4j-core 2.24, 2.25 and 2.26 (the
 * dispatcher exists since 2.14; the older {@code AsyncAppender$AsyncThread} is not claimed).
 * Cost: one class-name test per thread, one field read and a size() per appender.
 */
final class Log4j2AsyncAppenders implements FrameworkQueues {
    static final String KIND = "log4j2";
    private static final String DISPATCHER = "org.apache.logging.log4j.core.appender.AsyncAppenderEventDispatcher";
    private static final String PREFIX = "AsyncAppenderEventDispatcher-";
    private static final String LOG4J_PREFIX = "Log4j2-"; // Log4jThread's, before the name it is given

    private final JdkInternals internals;

    Log4j2AsyncAppenders(JdkInternals internals) {
        this.internals = internals;
    }

    @Override
    public String framework() {
        return "log4j2 AsyncAppender";
    }

    @Override
    public Object holderOf(Thread thread, Object task) {
        return thread.getClass().getName().equals(DISPATCHER) ? thread : null;
    }

    @Override
    public List<MailboxCandidate> mailboxes(Object dispatcher, List<Thread> workers)
            throws ReflectiveOperationException {
        if (!(internals.read(dispatcher, "queue").orElse(null) instanceof Queue<?> queue)) {
            throw new NoSuchFieldException("queue");
        }
        int size = queue.size();
        return List.of(new MailboxCandidate(appenderName(((Thread) dispatcher).getName()), KIND, size,
                Queues.capacity(queue, size, internals), Queues.ids(workers), dispatcher,
                Queues.conditions(queue, internals)).withFlow(Queues.flow(queue, internals)));
    }

    /** "Log4j2-AsyncAppenderEventDispatcher-1-ASYNC" → "ASYNC"; a thread the app renamed keeps its name. */
    static String appenderName(String threadName) {
        int at = threadName.startsWith(LOG4J_PREFIX) ? LOG4J_PREFIX.length() : 0;
        if (!threadName.startsWith(PREFIX, at)) {
            return threadName;
        }
        int digits = at + PREFIX.length();
        int i = digits;
        while (i < threadName.length() && Character.isDigit(threadName.charAt(i))) {
            i++;
        }
        boolean numbered = i > digits && i + 1 < threadName.length() && threadName.charAt(i) == '-';
        return numbered ? threadName.substring(i + 1) : threadName;
    }
}
