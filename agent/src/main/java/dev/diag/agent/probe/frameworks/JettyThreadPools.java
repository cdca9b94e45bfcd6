package dev.diag.agent.probe.frameworks;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.MailboxCandidate;
import dev.diag.agent.probe.Queues;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jetty's {@code org.eclipse.jetty.util.thread.QueuedThreadPool} (and subclasses such as
 * MonitoredQueuedThreadPool): each of its threads runs the pool's {@code QueuedThreadPool$Runner},
 * whose outer instance ({@code this$0}) is the pool. Its {@code _jobs} (a BlockingArrayQueue:
 * jobs waiting for a thread) is the threads' mailbox, named after the pool ({@code _name}, "qtp"
 * and a number unless the app named it): size from the queue's {@code _size}, capacity from its
 * {@code _maxCapacity} (unbounded by default). {@code _counts} packs the pool's thread count (high
 * half) and its idle threads (low half); busy is their difference, so it counts Jetty's own
 * acceptor, selector and reserved threads as busy, as they are never free for a job. The most is
 * {@code _maxThreads}. Jetty's scheduler ({@code ScheduledExecutorScheduler}) is a JDK
 * ScheduledThreadPoolExecutor and is found as one. Read on jetty 12.1.13 (WebServerMailboxIT) and
 * 12.0.16 (by hand: the same fields; there a connection may have more than one job queued); cost: one field read per thread, five per pool. Jetty's code is never called.
 */
final class JettyThreadPools implements FrameworkQueues {
    static final String KIND = "jetty";
    private static final String RUNNER = "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner";
    private static final String JETTY_QUEUE = "org.eclipse.jetty.util.BlockingArrayQueue";

    private final JdkInternals internals;

    JettyThreadPools(JdkInternals internals) {
        this.internals = internals;
    }

    @Override
    public String framework() {
        return "Jetty QueuedThreadPool";
    }

    @Override
    public Object holderOf(Thread thread, Object task) {
        return task != null && task.getClass().getName().equals(RUNNER) ? internals.read(task, "this$0").orElse(null) : null;
    }

    @Override
    public List<MailboxCandidate> mailboxes(Object pool, List<Thread> workers) throws ReflectiveOperationException {
        Object jobs = internals.read(pool, "_jobs").orElseThrow(() -> new NoSuchFieldException("_jobs"));
        int size;
        Integer capacity;
        if (jobs.getClass().getName().equals(JETTY_QUEUE)) {
            if (!(internals.read(jobs, "_size").orElse(null) instanceof AtomicInteger count)) {
                throw new NoSuchFieldException("BlockingArrayQueue._size");
            }
            size = Math.max(0, count.get());
            capacity = internals.read(jobs, "_maxCapacity").orElse(null) instanceof Integer max
                    && max < Integer.MAX_VALUE ? max : null;
        } else if (jobs.getClass().getClassLoader() == null && jobs instanceof Queue<?> queue) {
            size = queue.size(); // a JDK queue the app gave the pool
            capacity = Queues.capacity(queue, size, internals);
        } else {
            throw new ClassNotFoundException("a job queue of class " + jobs.getClass().getName());
        }
        Integer busy = null;
        if (internals.read(pool, "_counts").orElse(null) instanceof AtomicLong counts) { // an AtomicBiInteger
            long both = counts.get();
            busy = Math.max(0, (int) (both >> 32) - Math.max(0, (int) both));
        }
        Integer max = internals.read(pool, "_maxThreads").orElse(null) instanceof Integer m ? m : null;
        Object name = internals.read(pool, "_name").orElse(null);
        return List.of(new MailboxCandidate(name instanceof String s && !s.isEmpty() ? s : "QueuedThreadPool", KIND,
                size, capacity, Queues.ids(workers), pool, List.of()).withThreads(busy, max));
    }
}
