package dev.diag.agent.probe;

import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledThreadPoolExecutor}'s queue split into the tasks already due (the backlog:
 * they wait for a thread) and the delayed ones not yet due (periodic jobs, idle timeouts: not
 * backlog). Used for every scheduled executor, so Tomcat's {@code Catalina-utility} and Jetty's
 * {@code Scheduler} (a JDK executor holding one idle-timeout task per connection) too.
 *
 * <p>Reads the {@code DelayedWorkQueue}'s heap ({@code queue}, {@code size}) without its lock, as
 * the scheduler moves it: a count, not a snapshot. The heap keeps the soonest task at the root,
 * so a task not yet due has none due below it: the walk looks at the due tasks and their direct
 * children only, at most {@value #MAX_LOOKED_AT} of them; past that the due count is a lower
 * bound and {@link Split#estimated} says so. A delay is asked only of the JDK's own
 * {@code ScheduledFutureTask} (JDK code, one field read); a task of another class (an app's
 * {@code decorateTask}) is counted as due, as its delay would need the app's code. Read on JDK 17,
 * 21 and 25 (the same fields).
 */
final class DueTasks {
    static final int MAX_LOOKED_AT = 10_000;
    private static final String JDK_TASK = "java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask";

    /** Due tasks, tasks not yet due, and whether the due count is only a lower bound. */
    record Split(int due, int scheduled, boolean estimated) {
    }

    private DueTasks() {
    }

    /** The split of {@code executor}'s queue, or null where its heap cannot be read (then its size is all there is). */
    static Split of(ScheduledThreadPoolExecutor executor, JdkInternals internals) {
        Object queue = executor.getQueue();
        if (!(internals.read(queue, "queue").orElse(null) instanceof Object[] heap)
                || !(internals.read(queue, "size").orElse(null) instanceof Integer size)) {
            return null;
        }
        return split(heap, Math.max(0, Math.min(size, heap.length)), MAX_LOOKED_AT);
    }

    /** The walk over a binary min-heap of {@code n} tasks in {@code heap}, looking at {@code limit} at most. */
    static Split split(Object[] heap, int n, int limit) {
        int[] pending = new int[64];
        int top = 0;
        int due = 0;
        int looked = 0;
        if (n > 0) {
            pending[top++] = 0;
        }
        while (top > 0 && looked < limit) {
            int i = pending[--top];
            Object task = i < heap.length ? heap[i] : null;
            looked++;
            if (task == null || !isDue(task)) {
                continue; // moved meanwhile, or not due: nothing below it is due either
            }
            due++;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < n; child++) {
                if (top == pending.length) {
                    pending = java.util.Arrays.copyOf(pending, top * 2);
                }
                pending[top++] = child;
            }
        }
        boolean estimated = top > 0;
        due = Math.min(due, n);
        return new Split(due, n - due, estimated);
    }

    private static boolean isDue(Object task) {
        if (task.getClass().getName().equals(JDK_TASK) && task instanceof Delayed delayed) {
            return delayed.getDelay(TimeUnit.NANOSECONDS) <= 0;
        }
        return true;
    }
}
