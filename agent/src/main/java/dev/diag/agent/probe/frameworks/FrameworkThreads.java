package dev.diag.agent.probe.frameworks;

import dev.diag.agent.probe.MailboxCandidate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scan's framework threads: which adapter claimed each thread and for which holder (an
 * appender, a pool), then each holder's mailboxes, read once. An adapter that throws, on a thread
 * or on a holder, costs only its own mailboxes: the scan goes on and says so in one note.
 */
public final class FrameworkThreads {
    private final List<FrameworkQueues> frameworks;
    private final Map<FrameworkQueues, Map<Object, List<Thread>>> claimed = new LinkedHashMap<>();
    private final Map<FrameworkQueues, String> failed = new LinkedHashMap<>();

    public FrameworkThreads(List<FrameworkQueues> frameworks) {
        this.frameworks = frameworks;
    }

    /** True when some framework claims {@code thread} as the drainer of a queue of its own. */
    public boolean claim(Thread thread, Object task) {
        for (FrameworkQueues framework : frameworks) {
            Object holder;
            try {
                holder = framework.holderOf(thread, task);
            } catch (RuntimeException | LinkageError e) {
                failed.putIfAbsent(framework, e.getClass().getSimpleName());
                continue;
            }
            if (holder != null) {
                claimed.computeIfAbsent(framework, f -> new IdentityHashMap<>())
                        .computeIfAbsent(holder, h -> new ArrayList<>()).add(thread);
                return true;
            }
        }
        return false;
    }

    /** Every claimed holder's mailboxes; what could not be read goes into {@code notes}. */
    public List<MailboxCandidate> mailboxes(List<String> notes) {
        List<MailboxCandidate> found = new ArrayList<>();
        claimed.forEach((framework, holders) -> holders.forEach((holder, workers) -> {
            try {
                found.addAll(framework.mailboxes(holder, workers, notes));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                failed.putIfAbsent(framework, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
        }));
        failed.forEach((framework, why) -> notes.add("the queues of " + framework.framework()
                + " could not be read (" + why + "): a version diag does not know"));
        return found;
    }
}
