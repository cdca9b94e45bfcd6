package dev.diag.agent.probe;

import dev.diag.agent.AgentThreads;
import dev.diag.agent.probe.frameworks.FrameworkQueues;
import dev.diag.agent.probe.frameworks.FrameworkThreads;
import dev.diag.agent.probe.frameworks.Frameworks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Finds mailboxes: the queues of the frameworks production JVMs run (async log appenders, web
 * servers' pools, actors: see {@link Frameworks}), the queue of every ThreadPoolExecutor,
 * ScheduledThreadPoolExecutor and ForkJoinPool (the common pool too) that some live thread works
 * for, found from the threads with no change to the app (see {@link PoolWorkers}), and every
 * queue the app registered as a {@code dev.diag:type=Mailbox} MXBean (see {@link RegisteredMailboxes}).
 *
 * A ScheduledThreadPoolExecutor's size is its due tasks only; the delayed ones not yet due are
 * its {@code scheduled} count (see {@link DueTasks}), so a schedule is never ranked as backlog.
 *
 * Cost: a few field reads per thread, one size() per pool (a scheduled one: a walk of its due
 * tasks, at most {@value DueTasks#MAX_LOOKED_AT}), one getAttribute per registered
 * attribute; no safepoint, no stacks, no thread started, nothing kept between scans except
 * reflective field lookups. Never throws: what it cannot read it leaves out and says so.
 *
 * <pre>
 * MailboxSnapshot boxes = new MailboxFinder(internals).scan(LiveThreads.byId().values());
 * boxes.servedBy(worker.getId())   // Optional[Mailbox[name=request-handler, kind=executor, size=412, ...]]
 * </pre>
 */
public final class MailboxFinder {
    static final String NOT_OPEN = "thread-pool executors could not be found because the JDK's internals "
            + "are not open to diag (start the JVM with -javaagent:diag-agent.jar, or inject the agent)";
    private static final String NO_TASK_FIELD = "thread-pool executors could not be found: this JDK keeps a "
            + "thread's task where diag does not look";

    private final PoolWorkers workers;
    private final JdkInternals internals;
    private final List<FrameworkQueues> frameworks;
    private final String hidden;

    public MailboxFinder(JdkInternals internals) {
        this(internals, whatIsHidden());
    }

    /** As if this JVM hid from the agent what {@code hidden} says (null: nothing); for tests. */
    MailboxFinder(JdkInternals internals, String hidden) {
        this.internals = internals;
        this.workers = new PoolWorkers(internals);
        this.frameworks = Frameworks.all(internals);
        this.hidden = hidden;
    }

    /** One pass over the given live threads and the platform MBeanServer's dev.diag:type=Mailbox,* beans. */
    public MailboxSnapshot scan(Collection<Thread> threads) {
        try {
            return scanOrThrow(threads);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return MailboxSnapshot.empty("mailboxes could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private MailboxSnapshot scanOrThrow(Collection<Thread> threads) {
        List<String> notes = new ArrayList<>();
        if (hidden != null) {
            notes.add(hidden);
        }
        Map<Object, List<Thread>> byPool = new IdentityHashMap<>();
        FrameworkThreads byFramework = new FrameworkThreads(frameworks);
        int unreadable = 0;
        for (Thread thread : threads) {
            if (thread == null || AgentThreads.isAgents(thread)) {
                continue; // the agent's call pool queues diag's calls, not the app's work
            }
            Object task = hidden == null ? ThreadTasks.taskOrNull(thread, internals) : null;
            if (byFramework.claim(thread, task)) {
                continue; // a framework's worker: its queue is the framework's, not its pool's
            }
            Object pool;
            try {
                pool = workers.poolOf(thread, task);
            } catch (RuntimeException e) {
                pool = PoolWorkers.UNREADABLE;
            }
            if (pool == PoolWorkers.UNREADABLE) {
                unreadable++;
            } else if (pool != null) {
                List<Thread> poolWorkers = byPool.get(pool);
                if (poolWorkers == null) {
                    poolWorkers = new ArrayList<>();
                    byPool.put(pool, poolWorkers);
                }
                poolWorkers.add(thread);
            }
        }
        if (unreadable > 0) {
            notes.add(unreadable + " pool worker thread(s) were seen whose executor could not be read on this JDK");
        }
        ForkJoinPool common = ForkJoinPool.commonPool();
        if (!byPool.containsKey(common) && common.getQueuedSubmissionCount() > 0) {
            byPool.put(common, List.of()); // work queued before any worker started
        }

        List<MailboxCandidate> candidates = new ArrayList<>(byPool.size());
        for (Map.Entry<Object, List<Thread>> entry : byPool.entrySet()) {
            Object pool = entry.getKey();
            try {
                candidates.add(pool instanceof ForkJoinPool fj ? forkJoin(fj, entry.getValue())
                        : executor((ThreadPoolExecutor) pool, entry.getValue(), notes));
            } catch (RuntimeException e) {
                notes.add("the queue of " + MailboxNames.identity(pool) + " could not be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        candidates.addAll(byFramework.mailboxes(notes));
        candidates.addAll(RegisteredMailboxes.read(threads, notes));

        List<Mailbox> mailboxes = new ArrayList<>(candidates.size());
        IdentityHashMap<Object, Mailbox> byCondition = new IdentityHashMap<>();
        Map<String, FlowMeter> meters = new HashMap<>();
        for (MailboxCandidate candidate : MailboxNames.unique(candidates)) {
            Mailbox mailbox = candidate.toMailbox();
            mailboxes.add(mailbox);
            if (candidate.flow() != null) {
                meters.put(mailbox.name(), candidate.flow());
            }
            for (Object condition : candidate.conditions()) {
                byCondition.put(condition, mailbox);
            }
        }
        return new MailboxSnapshot(mailboxes, byCondition, meters, note(notes));
    }

    private MailboxCandidate executor(ThreadPoolExecutor executor, List<Thread> poolWorkers, List<String> notes) {
        BlockingQueue<Runnable> queue = executor.getQueue();
        int size = queue.size();
        String name = MailboxNames.fromWorkers(poolWorkers, executor);
        DueTasks.Split split = executor instanceof ScheduledThreadPoolExecutor scheduled
                ? DueTasks.of(scheduled, internals) : null;
        if (split == null) {
            return new MailboxCandidate(name, Mailbox.EXECUTOR, size, Queues.capacity(queue, size, internals),
                    Queues.ids(poolWorkers), executor, Queues.conditions(queue, internals))
                    .withFlow(executor::getCompletedTaskCount); // the JDK's: holds the pool's lock a moment
        }
        if (split.estimated()) {
            notes.add("at least " + split.due() + " tasks of " + name + " are due (diag looks at "
                    + DueTasks.MAX_LOOKED_AT + " at most): its size is a lower bound");
        }
        // a scheduled executor's backlog is its due tasks; the delayed ones are its schedule, not work waiting
        return new MailboxCandidate(name, Mailbox.EXECUTOR, split.due(), null, Queues.ids(poolWorkers), executor,
                Queues.conditions(queue, internals), split.scheduled(), null, null, executor::getCompletedTaskCount);
    }

    private static MailboxCandidate forkJoin(ForkJoinPool pool, List<Thread> poolWorkers) {
        long queued = pool.getQueuedSubmissionCount() + pool.getQueuedTaskCount();
        String name = pool == ForkJoinPool.commonPool() ? "ForkJoinPool.commonPool"
                : MailboxNames.fromWorkers(poolWorkers, pool);
        return new MailboxCandidate(name, Mailbox.FORK_JOIN, MailboxCandidate.saturated(queued), null,
                Queues.ids(poolWorkers), pool, List.of());
    }

    /** What this JVM keeps from the agent's sight for good, or null: decided once, from public API. */
    private static String whatIsHidden() {
        Module agent = MailboxFinder.class.getModule();
        Module base = Object.class.getModule();
        if (!base.isOpen("java.lang", agent) || !base.isOpen("java.util.concurrent", agent)) {
            return NOT_OPEN;
        }
        if (!declares(Thread.class, "target") && !declares(Thread.class, "holder")) {
            return NO_TASK_FIELD;
        }
        return null;
    }

    private static boolean declares(Class<?> type, String field) {
        try {
            type.getDeclaredField(field);
            return true;
        } catch (NoSuchFieldException | RuntimeException e) {
            return false;
        }
    }

    /** The notes as one sentence, at most three clauses of them. */
    private static String note(List<String> notes) {
        if (notes.isEmpty()) {
            return null;
        }
        String joined = String.join("; ", notes.subList(0, Math.min(3, notes.size())));
        String more = notes.size() > 3 ? "; and " + (notes.size() - 3) + " more like these" : "";
        String sentence = joined + more;
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
    }
}
