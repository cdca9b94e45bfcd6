package dev.diag.agent.probe;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The virtual threads of a JDK 21+ JVM, which ThreadMXBean and {@code Thread.getAllStackTraces()}
 * do not see. They are read from the JDK's thread containers ({@code jdk.internal.vm}): the root
 * container (threads started directly), every registered container (virtual-thread executors,
 * the pools' containers) and the structured scopes found on their owners' scope stacks.
 * {@link JdkInternals} opens that package to the agent.
 *
 * Costs, measured on JDK 25 at 1,000,000 parked virtual threads: {@link #census} reads each
 * container's own counter or virtual-thread set size ({@link ContainerCounts}; under a millisecond,
 * the first call ~20 ms); {@link #forEach} walks the containers' thread sets (~200-300 ms, no pause,
 * nothing held but the current thread). With {@code -Djdk.trackAllThreads=false} the JVM counts the
 * threads started directly but keeps no set of them: they are counted and cannot be listed, and
 * {@link Census#listable} says so. Structured scopes are in no registry: the census finds those
 * owned by platform threads (one field read per platform thread), a listing also those owned by
 * virtual threads, whose threads the census leaves out (StructuredTaskScope is a preview API up to JDK 25).
 *
 * Compiled for JDK 17, so everything JDK 21+ is reached by reflection, looked up once.
 */
public final class VirtualThreads {
    private static final String ABSENT_BEFORE_21 = "JDK " + Runtime.version().feature()
            + " has no virtual threads (they arrived in JDK 21): every process is a platform thread";

    private final JdkInternals internals;
    private final Access access; // null where there is nothing to read
    private final String unavailable;

    /** The counts of one moment: virtual threads, whether all of them can be listed, and why not. */
    public record Census(long virtual, int platform, boolean listable, String note) {
    }

    /** The JDK 21+ members looked up once. */
    private record Access(Method root, Method threads, Field registry, Class<?> container, Class<?> virtualType,
            boolean tracksAll, ContainerCounts counts) {
    }

    private VirtualThreads(JdkInternals internals, Access access, String unavailable) {
        this.internals = internals;
        this.access = access;
        this.unavailable = unavailable;
    }

    /** Looks the containers up once; on JDK 17, or where the package is closed to us, says why in every census. */
    public static VirtualThreads of(JdkInternals internals) {
        if (Runtime.version().feature() < 21) {
            return new VirtualThreads(internals, null, ABSENT_BEFORE_21);
        }
        try {
            Class<?> containers = Class.forName("jdk.internal.vm.ThreadContainers");
            Class<?> container = Class.forName("jdk.internal.vm.ThreadContainer");
            Field registry = containers.getDeclaredField("CONTAINER_REGISTRY");
            registry.setAccessible(true);
            Method root = containers.getMethod("root");
            boolean tracksAll = (boolean) containers.getMethod("trackAllThreads").invoke(null);
            Object rootContainer = root.invoke(null); // fails here, not later, when the package is not exported to us
            Access access = new Access(root, container.getMethod("threads"), registry, container,
                    Class.forName("java.lang.BaseVirtualThread"), tracksAll,
                    ContainerCounts.of(internals, rootContainer, container.getMethod("threadCount")));
            return new VirtualThreads(internals, access, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new VirtualThreads(internals, null, "virtual threads are not counted: the JDK's thread containers "
                    + "are closed to the agent (" + e.getClass().getSimpleName() + "); load it with -javaagent or diag "
                    + "inject, or start the JVM with --add-opens java.base/jdk.internal.vm=ALL-UNNAMED");
        }
    }

    /** True where virtual threads can be counted (JDK 21+ with the containers open to the agent). */
    public boolean available() {
        return unavailable == null;
    }

    /** The virtual threads now, from the containers' counters. */
    public Census census() {
        int platform = ManagementFactory.getThreadMXBean().getThreadCount();
        if (!available()) {
            return new Census(Runtime.version().feature() < 21 ? 0 : -1, platform, true, unavailable);
        }
        List<Object> containers = registered();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Thread owner : LiveThreads.all()) {
            addScopes(owner, containers, seen); // scopes are in no registry: their owners know them
        }
        long virtual = 0;
        for (Object container : containers) {
            virtual += access.counts().virtual(container, this::threads, this::isVirtual);
        }
        return new Census(virtual, platform, access.tracksAll(), unlistedNote());
    }

    /**
     * Calls {@code each} with every virtual thread that can be listed until it returns false, holding
     * none of them; returns how many it visited. On JDK 17 or without access it visits none.
     */
    public long forEach(Predicate<Thread> each) {
        if (!available()) {
            return 0;
        }
        Deque<Object> pending = new ArrayDeque<>(registered());
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(pending);
        for (Thread platform : LiveThreads.all()) {
            addScopes(platform, pending, seen); // a platform thread may own a structured scope of virtual threads
        }
        long visited = 0;
        while (!pending.isEmpty()) {
            Iterator<Thread> members = access.counts().virtualMembers(pending.poll(), this::threads);
            while (members.hasNext()) {
                Thread thread = members.next();
                if (!isVirtual(thread) || !thread.isAlive()) {
                    continue;
                }
                visited++;
                if (!each.test(thread)) {
                    return visited;
                }
                addScopes(thread, pending, seen);
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

    /** The live virtual thread with id {@code id}, or null; walks the containers until it is found. */
    public Thread find(long id) {
        Thread[] found = {null};
        forEach(t -> {
            if (t.getId() == id) {
                found[0] = t;
            }
            return found[0] == null;
        });
        return found[0];
    }

    /** True when {@code thread} is virtual. */
    public boolean isVirtual(Thread thread) {
        return access != null && access.virtualType().isInstance(thread);
    }

    /** What a listing leaves out, on a JVM that does not keep the set of directly started virtual threads. */
    public String unlistedNote() {
        return access == null || access.tracksAll() ? null : "virtual threads started directly (Thread.ofVirtual, "
                + "Thread.startVirtualThread) are counted but cannot be listed: this JVM runs with "
                + "-Djdk.trackAllThreads=false; those started by executors and scopes are listed";
    }

    /** Why virtual threads are not counted here, or null where they are. */
    public String unavailableNote() {
        return unavailable;
    }

    /** The root container and every registered one (weakly held by the JDK: a collected one is simply gone). */
    private List<Object> registered() {
        List<Object> all = new ArrayList<>();
        all.add(invoke(access.root(), null));
        for (Object ref : (Collection<?>) get(access.registry())) {
            Object container = ((Reference<?>) ref).get();
            if (container != null) {
                all.add(container);
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private Iterator<Thread> threads(Object container) {
        return ((Stream<Thread>) invoke(access.threads(), container)).iterator();
    }

    /** The structured scopes {@code thread} owns (its scope stack), for their threads are in no registry. */
    private void addScopes(Thread thread, Collection<Object> pending, Set<Object> seen) {
        Object scope = internals.read(thread, "headStackableScopes").orElse(null);
        for (int depth = 0; scope != null && depth < 1_000; depth++) { // a scope stack is short; the bound guards a cycle
            if (access.container().isInstance(scope) && seen.add(scope)) {
                pending.add(scope);
            }
            scope = internals.read(scope, "previous").orElse(null);
        }
    }

    static Object invoke(Method method, Object target) {
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
