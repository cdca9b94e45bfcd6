package dev.diag.agent.probe;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The virtual threads of a JDK 21+ JVM, which ThreadMXBean and {@code Thread.getAllStackTraces()}
 * do not see. They are read from the JDK's thread containers ({@code jdk.internal.vm.ThreadContainers}):
 * the root container (threads started directly) and every registered container (virtual-thread
 * executors, structured scopes, pools). {@link JdkInternals} exports that package to the agent.
 *
 * Costs, measured on JDK 25 at 1,000,000 parked virtual threads: {@link #census} sums the
 * containers' counters (under a millisecond, the first call ~20 ms); {@link #forEach} walks every
 * container's thread set (~200-300 ms, no pause, nothing held but the current thread). With
 * {@code -Djdk.trackAllThreads=false} the JVM counts the threads started directly but keeps no set
 * of them: they are counted and cannot be listed, and {@link Census#listable} says so.
 *
 * Compiled for JDK 17, so everything JDK 21+ is reached by reflection, looked up once.
 */
public final class VirtualThreads {
    private static final String ABSENT_BEFORE_21 = "JDK " + Runtime.version().feature()
            + " has no virtual threads (they arrived in JDK 21): every process is a platform thread";

    private final Method root;
    private final Method threadCount;
    private final Method threads;
    private final Field registry;
    private final Class<?> virtualType;
    private final boolean tracksAll;
    private final String unavailable;

    /** The counts of one moment: virtual threads, whether all of them can be listed, and why not. */
    public record Census(long virtual, int platform, boolean listable, String note) {
    }

    private VirtualThreads(Method root, Method threadCount, Method threads, Field registry, Class<?> virtualType,
            boolean tracksAll, String unavailable) {
        this.root = root;
        this.threadCount = threadCount;
        this.threads = threads;
        this.registry = registry;
        this.virtualType = virtualType;
        this.tracksAll = tracksAll;
        this.unavailable = unavailable;
    }

    /** Looks the containers up once; on JDK 17, or where the package is closed to us, says why in every census. */
    public static VirtualThreads of() {
        if (Runtime.version().feature() < 21) {
            return new VirtualThreads(null, null, null, null, null, true, ABSENT_BEFORE_21);
        }
        try {
            Class<?> containers = Class.forName("jdk.internal.vm.ThreadContainers");
            Class<?> container = Class.forName("jdk.internal.vm.ThreadContainer");
            Field registry = containers.getDeclaredField("CONTAINER_REGISTRY");
            registry.setAccessible(true);
            Method root = containers.getMethod("root");
            boolean tracksAll = (boolean) containers.getMethod("trackAllThreads").invoke(null);
            root.invoke(null); // fails here, not later, when the package is not exported to us
            return new VirtualThreads(root, container.getMethod("threadCount"), container.getMethod("threads"),
                    registry, Class.forName("java.lang.BaseVirtualThread"), tracksAll, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new VirtualThreads(null, null, null, null, null, true, "virtual threads are not counted: the JDK's "
                    + "thread containers are closed to the agent (" + e.getClass().getSimpleName() + "); load it with "
                    + "-javaagent or diag inject, or start the JVM with --add-opens java.base/jdk.internal.vm=ALL-UNNAMED");
        }
    }

    /** True where virtual threads can be counted (JDK 21+ with the containers open to the agent). */
    public boolean available() {
        return unavailable == null;
    }

    /** The virtual threads now, from the containers' counters: no thread is visited. */
    public Census census() {
        int platform = ManagementFactory.getThreadMXBean().getThreadCount();
        if (!available()) {
            return new Census(Runtime.version().feature() < 21 ? 0 : -1, platform, true, unavailable);
        }
        long all = 0;
        for (Object container : containers()) {
            all += (long) invoke(threadCount, container);
        }
        // Every thread is in exactly one container, so all minus the platform ones are virtual;
        // a thread starting between the two reads can make this one off, never negative.
        long virtual = Math.max(0, all - platform);
        return new Census(virtual, platform, tracksAll, tracksAll ? null : unlistedNote());
    }

    /**
     * Calls {@code each} with every virtual thread that can be listed, container by container, holding
     * none of them; returns how many it visited. On JDK 17 or without access it visits none.
     */
    @SuppressWarnings("unchecked")
    public long forEach(Consumer<Thread> each) {
        if (!available()) {
            return 0;
        }
        long visited = 0;
        for (Object container : containers()) {
            try (Stream<Thread> members = (Stream<Thread>) invoke(threads, container)) {
                var it = members.iterator();
                while (it.hasNext()) {
                    Thread thread = it.next();
                    if (virtualType.isInstance(thread)) {
                        each.accept(thread);
                        visited++;
                    }
                }
            }
        }
        return visited;
    }

    /** Every listable virtual thread, in one list (for callers that must sort them: 4-8 bytes each). */
    public List<Thread> list() {
        List<Thread> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /** The live virtual thread with id {@code id}, or null; walks the containers (see the class's costs). */
    public Thread find(long id) {
        Thread[] found = {null};
        forEach(t -> {
            if (t.getId() == id) {
                found[0] = t;
            }
        });
        return found[0];
    }

    /** True when {@code thread} is virtual. */
    public boolean isVirtual(Thread thread) {
        return virtualType != null && virtualType.isInstance(thread);
    }

    /** What a listing leaves out, on a JVM that does not keep the set of directly started virtual threads. */
    public String unlistedNote() {
        return tracksAll ? null : "virtual threads started directly (Thread.ofVirtual, Thread.startVirtualThread) are "
                + "counted but cannot be listed: this JVM runs with -Djdk.trackAllThreads=false; those started by "
                + "executors and scopes are listed";
    }

    /** Why virtual threads are not counted here, or null where they are. */
    public String unavailableNote() {
        return unavailable;
    }

    private List<Object> containers() {
        List<Object> all = new ArrayList<>();
        all.add(invoke(root, null));
        for (Object ref : (Collection<?>) get(registry)) {
            Object container = ((Reference<?>) ref).get();
            if (container != null) { // registered containers are weakly held: a collected one is simply gone
                all.add(container);
            }
        }
        return all;
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the JDK's thread containers: " + e, e);
        }
    }

    private static Object get(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the JDK's thread containers: " + e, e);
        }
    }
}
