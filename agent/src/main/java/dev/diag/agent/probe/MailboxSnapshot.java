package dev.diag.agent.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The mailboxes of one {@link MailboxFinder#scan}: every mailbox, which one each thread drains,
 * and which one a thread is parked on. Plain data once built: it holds no thread, only the
 * queues' condition objects, to recognise a parked thread's blocker, the {@link SpinWait}s of
 * queues whose producers wait with none (a Disruptor ring's), and the {@link FlowMeter}s (which
 * hold their queue or pool) for {@code why()}'s rates. A snapshot lives for one call.
 */
public final class MailboxSnapshot {
    // A class, not a chain of lambdas: each lambda spins a class on first use, and the first
    // call in a target should not pay for that.
    private static final Comparator<Mailbox> LARGEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Mailbox a, Mailbox b) {
            int bySize = Integer.compare(b.size(), a.size());
            return bySize != 0 ? bySize : a.name().compareTo(b.name());
        }
    };

    private final List<Mailbox> all;
    private final Map<Long, Mailbox> servedBy;
    private final Map<Object, Mailbox> byCondition;
    private final Map<String, FlowMeter> meters;
    private final String note;

    /**
     * @param byCondition the queue conditions (notFull, notEmpty) of each executor's queue, by
     *                    identity, so a thread parked on one is known to wait on that mailbox
     * @param meters      what leaves each mailbox, by name, where its queue counts it
     */
    MailboxSnapshot(List<Mailbox> mailboxes, IdentityHashMap<Object, Mailbox> byCondition,
            Map<String, FlowMeter> meters, String note) {
        List<Mailbox> sorted = new ArrayList<>(mailboxes);
        sorted.sort(LARGEST_FIRST);
        this.all = Collections.unmodifiableList(sorted);
        this.byCondition = byCondition;
        this.meters = meters;
        this.note = note;
        this.servedBy = new HashMap<>();
        // A thread an app registered as a mailbox's owner is that mailbox's owner, even when it
        // is also a pool worker: the app said so. Then a framework's own queue (an appender's, an
        // actor's) before the pool the thread belongs to. Among several of a rank, the largest wins.
        for (int rank = 0; rank < 4; rank++) {
            for (Mailbox mailbox : all) {
                if (rank(mailbox.kind()) == rank) {
                    for (Long id : mailbox.ownerThreadIds()) {
                        servedBy.putIfAbsent(id, mailbox);
                    }
                }
            }
        }
    }

    private static int rank(String kind) {
        return switch (kind) {
            case Mailbox.REGISTERED -> 0;
            case Mailbox.EXECUTOR -> 2;
            case Mailbox.FORK_JOIN -> 3;
            default -> 1; // a framework's: logback, tomcat, actor ...
        };
    }

    static MailboxSnapshot empty(String note) {
        return new MailboxSnapshot(List.of(), new IdentityHashMap<>(), Map.of(), note);
    }

    /** The mailbox this thread drains: a pool worker's executor queue, an MXBean's owner thread. */
    public Optional<Mailbox> servedBy(long threadId) {
        return Optional.ofNullable(servedMailbox(threadId));
    }

    /**
     * As {@link #servedBy}, null for none: for a pass over every thread, which then boxes no id
     * where no thread serves a mailbox, and makes no Optional.
     */
    public Mailbox servedMailbox(long threadId) {
        return servedBy.isEmpty() ? null : servedBy.get(threadId);
    }

    /**
     * The mailbox whose queue this thread is parked on now: a producer blocked in put() on a full
     * queue (notFull), or a consumer waiting for work on an empty one (notEmpty). Executor and
     * framework queues are known; an MXBean's queue is out of the agent's sight.
     */
    public Optional<Mailbox> waitedOnBy(Thread thread) {
        if (thread == null || byCondition.isEmpty()) {
            return Optional.empty();
        }
        Object blocker = LockSupport.getBlocker(thread);
        return blocker == null ? Optional.empty() : Optional.ofNullable(byCondition.get(blocker));
    }

    /**
     * As {@link #waitedOnBy(Thread)}, and else the mailbox a thread spins for without a blocker,
     * told by its top frames (a {@link SpinWait} among the mailbox's conditions). Where two
     * mailboxes list the same spin (two Disruptor rings), the stack cannot tell which: empty.
     */
    public Optional<Mailbox> waitedOnBy(Thread thread, StackTraceElement[] stack) {
        Optional<Mailbox> parked = waitedOnBy(thread);
        if (parked.isPresent() || stack == null || stack.length == 0) {
            return parked;
        }
        Mailbox found = null;
        for (Map.Entry<Object, Mailbox> entry : byCondition.entrySet()) {
            if (entry.getKey() instanceof SpinWait spin && spin.isIn(stack)) {
                if (found != null && found != entry.getValue()) {
                    return Optional.empty();
                }
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The meter of what leaves the mailbox of this name, or null where its queue counts nothing. */
    public FlowMeter meter(String name) {
        return meters.get(name);
    }

    /** Every mailbox, largest first (ties by name). */
    public List<Mailbox> all() {
        return all;
    }

    /** One sentence on what could not be seen, or null when nothing was hidden. */
    public String note() {
        return note;
    }
}
