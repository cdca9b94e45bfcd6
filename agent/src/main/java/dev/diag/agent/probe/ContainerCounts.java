package dev.diag.agent.probe;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How many virtual threads one JDK thread container holds, from what the container itself keeps,
 * so counting visits no thread where the JDK keeps a count (JDK 21-25 layouts):
 * <ul>
 * <li>the root container: its static set of virtual threads ({@code VTHREADS}) or, with
 *     {@code -Djdk.trackAllThreads=false}, its counter ({@code VTHREAD_COUNT});
 * <li>a pool's container ({@code SharedThreadContainer}, one per ThreadPoolExecutor or
 *     ForkJoinPool): its set of virtual threads, null until it has one; its platform workers are
 *     never visited;
 * <li>a thread-per-task executor whose factory makes virtual threads: its {@code threadCount()};
 * <li>anything else (a platform-thread-per-task executor, a structured scope): its members,
 *     counted one by one.
 * </ul>
 * A layout that differs (another JDK) falls back to counting members: slower, never wrong.
 */
final class ContainerCounts {
    /** A pool's container that has had no virtual thread yet. */
    private static final Object NONE = new Object();

    private final JdkInternals internals;
    private final Method threadCount;
    private final Object rootContainer;
    private final Field rootThreads;

    private ContainerCounts(JdkInternals internals, Method threadCount, Object rootContainer, Field rootThreads) {
        this.internals = internals;
        this.threadCount = threadCount;
        this.rootContainer = rootContainer;
        this.rootThreads = rootThreads;
    }

    static ContainerCounts of(JdkInternals internals, Object rootContainer, Method threadCount) {
        return new ContainerCounts(internals, threadCount, rootContainer, rootField(rootContainer.getClass()));
    }

    /** The root container's static set (tracking) or counter (counting) of virtual threads; null if neither. */
    private static Field rootField(Class<?> root) {
        for (String name : new String[] {"VTHREADS", "VTHREAD_COUNT"}) {
            try {
                Field field = root.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException | RuntimeException e) {
                // try the other layout
            }
        }
        return null;
    }

    /**
     * The virtual threads in {@code container}; where it keeps no count, its members from
     * {@code threads} are visited and {@code isVirtual} tells them apart.
     */
    long virtual(Object container, Function<Object, Iterator<Thread>> threads, Predicate<Thread> isVirtual) {
        Object own = ownVirtualThreads(container);
        if (own instanceof Collection<?> set) {
            return set.size();
        }
        if (own instanceof LongAdder counter) {
            return counter.sum();
        }
        if (own == Boolean.TRUE) {
            return (long) VirtualThreads.invoke(threadCount, container);
        }
        long n = 0;
        if (own == NONE) {
            return 0;
        }
        for (Iterator<Thread> it = threads.apply(container); it.hasNext(); ) {
            if (isVirtual.test(it.next())) {
                n++;
            }
        }
        return n;
    }

    /**
     * The members of {@code container} worth visiting when listing virtual threads: its set of
     * virtual threads where it keeps one (so a pool's platform workers are skipped), else all its
     * threads from {@code threads}.
     */
    @SuppressWarnings("unchecked")
    Iterator<Thread> virtualMembers(Object container, Function<Object, Iterator<Thread>> threads) {
        Object own = ownVirtualThreads(container);
        if (own instanceof Collection<?> set) {
            return ((Collection<Thread>) set).iterator();
        }
        if (own instanceof LongAdder) {
            return threads.apply(container); // counted, not kept: the root lists its platform threads only
        }
        return own == NONE ? Collections.emptyIterator() : threads.apply(container);
    }

    /**
     * What {@code container} keeps of its virtual threads: a set, a counter, TRUE when all its
     * threads are virtual (a virtual-thread-per-task executor), NONE when it has none yet, or null
     * when it keeps nothing we know how to read.
     */
    private Object ownVirtualThreads(Object container) {
        if (container == rootContainer) {
            return rootThreads == null ? null : staticValue(rootThreads);
        }
        String type = container.getClass().getName();
        if (type.equals("jdk.internal.vm.SharedThreadContainer")) {
            return internals.read(container, "virtualThreads").orElse(NONE);
        }
        if (type.equals("java.util.concurrent.ThreadPerTaskExecutor")) {
            Object factory = internals.read(container, "factory").orElse(null);
            return factory != null && factory.getClass().getName().contains("VirtualThreadFactory") ? Boolean.TRUE : null;
        }
        return null;
    }

    private static Object staticValue(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

}
