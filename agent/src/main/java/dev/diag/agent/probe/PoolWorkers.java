package dev.diag.agent.probe;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Finds the pool a thread works for, with no change to the app. A fork-join worker says so
 * ({@link ForkJoinWorkerThread#getPool()}). A ThreadPoolExecutor's worker thread was started
 * with a {@code ThreadPoolExecutor$Worker} as its task, whose outer instance ({@code this$0})
 * is the executor; thread factories often wrap that task in a lambda or a Runnable of their
 * own, so the task's fields are searched for it, at most {@value #UNWRAP_DEPTH} levels down.
 *
 * Costs two or three field reads per thread; the fields a class may hold a Runnable in are
 * looked up once per class and kept (the only thing kept between scans).
 */
final class PoolWorkers {
    static final int UNWRAP_DEPTH = 4;
    private static final String WORKER = "java.util.concurrent.ThreadPoolExecutor$Worker";
    private static final Field[] NONE = new Field[0];
    /** What {@link #poolOf} returns for a pool worker whose executor could not be read on this JDK. */
    static final Object UNREADABLE = new Object();

    private final JdkInternals internals;
    private final ClassValue<Field[]> runnableFields = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            return fieldsThatMayHoldARunnable(type);
        }
    };

    PoolWorkers(JdkInternals internals) {
        this.internals = internals;
    }

    /**
     * The ForkJoinPool or ThreadPoolExecutor {@code thread} works for; null when it works for
     * none found; {@link #UNREADABLE} for a pool worker whose executor this JDK hides.
     * {@code task} is what the thread was started to run ({@link ThreadTasks}), null where unseen.
     */
    Object poolOf(Thread thread, Object task) {
        if (thread instanceof ForkJoinWorkerThread worker) {
            return worker.getPool();
        }
        if (task == null) {
            return null;
        }
        if (!task.getClass().getName().equals(WORKER) && runnableFields.get(task.getClass()).length == 0) {
            return null; // most threads run a task that wraps no other (a lambda, a plain Runnable): no path for it
        }
        return executorIn(task, 0, new Object[UNWRAP_DEPTH]);
    }

    private Object executorIn(Object task, int depth, Object[] path) {
        if (task.getClass().getName().equals(WORKER)) {
            Object executor = internals.read(task, "this$0").orElse(null);
            return executor instanceof ThreadPoolExecutor ? executor : UNREADABLE;
        }
        if (depth == UNWRAP_DEPTH) {
            return null;
        }
        for (int i = 0; i < depth; i++) {
            if (path[i] == task) {
                return null; // a cycle of wrappers
            }
        }
        path[depth] = task;
        for (Field field : runnableFields.get(task.getClass())) {
            Object inner;
            try {
                inner = field.get(task);
            } catch (IllegalAccessException | RuntimeException e) {
                continue;
            }
            // A Thread is Runnable too, but a wrapper that knows some thread is not running it.
            if (inner instanceof Runnable && !(inner instanceof Thread)) {
                Object executor = executorIn(inner, depth + 1, path);
                if (executor != null) {
                    return executor;
                }
            }
        }
        return null;
    }

    /** The instance fields of {@code type} (and its superclasses) whose value could be a Runnable, made readable. */
    private static Field[] fieldsThatMayHoldARunnable(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Field[] declared;
            try {
                declared = c.getDeclaredFields();
            } catch (RuntimeException | LinkageError e) {
                break; // a class whose field types cannot be loaded: nothing to follow
            }
            for (Field field : declared) {
                if (!Modifier.isStatic(field.getModifiers()) && mayHoldARunnable(field.getType()) && open(field)) {
                    fields.add(field);
                }
            }
        }
        return fields.isEmpty() ? NONE : fields.toArray(NONE);
    }

    private static boolean mayHoldARunnable(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || Thread.class.isAssignableFrom(type)) {
            return false;
        }
        // A final class that is not Runnable (String, Integer, ...) can never hold one.
        return Runnable.class.isAssignableFrom(type) || type.isInterface() || !Modifier.isFinal(type.getModifiers());
    }

    private static boolean open(Field field) {
        try {
            field.setAccessible(true);
            return true;
        } catch (RuntimeException e) {
            return false; // in a package not open to the agent
        }
    }
}
