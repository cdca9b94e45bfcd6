package dev.diag.agent.probe.frameworks;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.MailboxCandidate;
import dev.diag.agent.probe.MailboxNames;
import dev.diag.agent.probe.Queues;
import dev.diag.agent.probe.ThreadTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Tomcat's own executor, {@code org.apache.tomcat.util.threads.ThreadPoolExecutor} (a copy of the
 * JDK's, so the JDK's is not found): each worker thread ({@code TaskThread}) runs a
 * {@code TaskThread$WrappingRunnable} around the executor's {@code ThreadPoolExecutor$Worker},
 * whose outer instance ({@code this$0}) is the executor. Its {@code workQueue} (a
 * {@code TaskQueue}, a LinkedBlockingQueue: the requests waiting for a worker) is the workers'
 * mailbox, named after the pool's threads as Tomcat names them ({@code http-nio-8080-exec}).
 * Busy workers are those holding their Worker's lock (AQS {@code state} 1, as Tomcat's own
 * getActiveCount counts them, without its mainLock); the most is {@code maximumPoolSize}.
 * Read on tomcat-embed-core 11.0.29 (WebServerMailboxIT) and 10.1.34 (by hand: the same classes and fields); the Catalina-utility
 * executor is the JDK's ScheduledThreadPoolExecutor, found as any. Cost per worker: three field
 * reads; per pool: one size() of a JDK queue and two field reads; for why()'s drain rate, one more
 * read per worker, twice a call. Tomcat's code is never called.
 */
final class TomcatPools implements FrameworkQueues {
    static final String KIND = "tomcat";
    private static final String PACKAGE = "org.apache.tomcat.util.threads.";
    private static final String WORKER = PACKAGE + "ThreadPoolExecutor$Worker";
    private static final String WRAPPER = PACKAGE + "TaskThread$WrappingRunnable";
    private static final String TASK_QUEUE = PACKAGE + "TaskQueue";

    private final JdkInternals internals;

    TomcatPools(JdkInternals internals) {
        this.internals = internals;
    }

    @Override
    public String framework() {
        return "Tomcat ThreadPoolExecutor";
    }

    @Override
    public Object holderOf(Thread thread, Object task) {
        Object worker = worker(task);
        return worker == null ? null : internals.read(worker, "this$0").orElse(null);
    }

    /** Tomcat's Worker that {@code task} is or wraps (the TaskThreadFactory's wrapper), or null. */
    private Object worker(Object task) {
        if (task == null) {
            return null;
        }
        String type = task.getClass().getName();
        if (type.equals(WRAPPER)) {
            Object inner = internals.read(task, "wrappedRunnable").orElse(null);
            return inner != null && inner.getClass().getName().equals(WORKER) ? inner : null;
        }
        return type.equals(WORKER) ? task : null;
    }

    @Override
    public List<MailboxCandidate> mailboxes(Object executor, List<Thread> workers) throws ReflectiveOperationException {
        if (!(internals.read(executor, "workQueue").orElse(null) instanceof BlockingQueue<?> queue)) {
            throw new NoSuchFieldException("workQueue");
        }
        if (queue.getClass().getClassLoader() != null && !queue.getClass().getName().equals(TASK_QUEUE)) {
            throw new ClassNotFoundException("a work queue of class " + queue.getClass().getName()); // the app's code
        }
        int size = queue.size(); // TaskQueue keeps LinkedBlockingQueue's size(): an atomic read
        Integer busy = 0;
        List<Object> runners = new ArrayList<>(workers.size());
        for (Thread worker : workers) {
            Object w = worker(ThreadTasks.taskOf(worker, internals).orElse(null));
            runners.add(w);
            Object state = busy == null ? null : internals.read(w, "state").orElse(null);
            if (state instanceof Integer locked) {
                busy += locked != 0 ? 1 : 0;
            } else {
                busy = null; // AQS's fields are not open to diag: no count rather than a wrong one
            }
        }
        Integer max = internals.read(executor, "maximumPoolSize").orElse(null) instanceof Integer m ? m : null;
        return List.of(new MailboxCandidate(name(executor, workers), KIND, size,
                Queues.capacity(queue, size, internals), Queues.ids(workers), executor,
                Queues.conditions(queue, internals)).withThreads(busy, max).withFlow(() -> completed(executor, runners)));
    }

    /**
     * The tasks the pool has completed: what its exited workers left in {@code completedTaskCount}
     * plus each live worker's {@code completedTasks}, as Tomcat's getCompletedTaskCount adds them,
     * read without its mainLock; -1 when a field cannot be read. A worker that exits between two
     * reads moves its count from one term to the other, so the total stays whole.
     */
    private long completed(Object executor, List<Object> runners) {
        if (!(internals.read(executor, "completedTaskCount").orElse(null) instanceof Long total)) {
            return -1;
        }
        long sum = total;
        for (Object runner : runners) {
            if (!(internals.read(runner, "completedTasks").orElse(null) instanceof Long done)) {
                return -1;
            }
            sum += done;
        }
        return sum;
    }

    /** The thread factory's prefix ("http-nio-8080-exec-") without its separator, else the workers' common name. */
    private String name(Object executor, List<Thread> workers) {
        Object factory = internals.read(executor, "threadFactory").orElse(null);
        if (factory != null && internals.read(factory, "namePrefix").orElse(null) instanceof String prefix) {
            String trimmed = prefix.replaceAll("[-_.#: ]+$", "");
            if (!trimmed.isEmpty()) {
                return trimmed;
            }
        }
        return MailboxNames.fromWorkers(workers, executor);
    }
}
