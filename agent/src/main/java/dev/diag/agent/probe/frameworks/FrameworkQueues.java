package dev.diag.agent.probe.frameworks;

import dev.diag.agent.probe.MailboxCandidate;
import java.util.List;

/**
 * The queues one framework's threads drain (an async log appender's, a web server's pool's, an
 * actor's), found from the live threads with no change to the app and no compile-time dependency
 * on the framework: classes are recognised by name and read by reflection.
 *
 * <p>A scan asks {@link #holderOf} of every live thread, so it must be cheap (a class-name test
 * first) and never throw; the threads with the same holder are then given to {@link #mailboxes}
 * once. A version whose layout this adapter does not know may throw from {@link #mailboxes}:
 * the finder turns that into a note on the answer ("the queues of logback AsyncAppender could
 * not be read"), never a failure. Adapters keep no state between scans and start no thread.
 */
public interface FrameworkQueues {

    /** What it reads, for notes: "logback AsyncAppender". */
    String framework();

    /**
     * The object whose queue {@code thread} drains (an appender, a pool, an event loop), or null
     * when it is not one of this framework's threads. {@code task} is what the thread was started
     * to run (null for a Thread subclass, or where the JDK hides it).
     */
    Object holderOf(Thread thread, Object task);

    /** The mailboxes of {@code holder}, drained by {@code workers} (ascending ids not required). */
    List<MailboxCandidate> mailboxes(Object holder, List<Thread> workers) throws ReflectiveOperationException;

    /**
     * As {@link #mailboxes(Object, List)}, for an adapter that also has something to say: what it
     * left out to bound its work ("and 4,000 more actors with messages"), added to {@code notes}.
     */
    default List<MailboxCandidate> mailboxes(Object holder, List<Thread> workers, List<String> notes)
            throws ReflectiveOperationException {
        return mailboxes(holder, workers);
    }
}
