package dev.diag.agent.probe;

import java.util.Optional;

/**
 * What a thread was started to run: the private field {@code Thread.target} on JDK 17, or
 * {@code Thread.holder.task} on JDK 21+ (where the task moved into a field holder). Empty when
 * the thread is a subclass that overrides run(), or the JDK's internals are not open to us.
 */
public final class ThreadTasks {
    private ThreadTasks() {
    }

    public static Optional<Object> taskOf(Thread thread, JdkInternals internals) {
        return Optional.ofNullable(taskOrNull(thread, internals));
    }

    /** As {@link #taskOf}, null for none: no Optional per thread, for a pass over them all. */
    public static Object taskOrNull(Thread thread, JdkInternals internals) {
        Object target = internals.value(thread, "target");
        return target != null ? target : internals.value(internals.value(thread, "holder"), "task");
    }

    /**
     * Erlang's initial_call for a thread: the class whose run() it started in. A Thread subclass
     * is its own; otherwise the task's class, e.g. {@code java.util.concurrent.ThreadPoolExecutor$Worker}.
     */
    public static String initialCall(Thread thread, JdkInternals internals) {
        if (thread.getClass() != Thread.class) {
            return thread.getClass().getName() + ".run";
        }
        return taskOf(thread, internals).map(task -> task.getClass().getName() + ".run").orElse("java.lang.Thread.run");
    }
}
