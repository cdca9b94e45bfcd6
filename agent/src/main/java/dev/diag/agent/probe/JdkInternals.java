package dev.diag.agent.probe;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads private fields of JDK classes (a thread's task, a pool worker's executor, a queue's
 * conditions) for probes that find facts no public API gives. The agent's Instrumentation
 * opens java.lang, java.util.concurrent and java.util.concurrent.locks to the agent's module
 * ({@code redefineModule}), never to everyone; that module is the application class loader's
 * unnamed one, which class-path code shares (docs/security.md says so). Without Instrumentation
 * (the embedding API) the reads work only where the JVM was started with matching
 * {@code --add-opens}; otherwise they return empty and probes say what they could not see.
 *
 * It also carries that Instrumentation (or null) to the functions that redefine classes
 * ({@link #instrumentation()}), so no second path from AgentMain to the functions is needed.
 *
 * Costs nothing until used; fields are looked up once and cached.
 */
public final class JdkInternals {
    private static final Set<String> PACKAGES = Set.of("java.lang", "java.util.concurrent", "java.util.concurrent.locks");

    private final boolean opened;
    private final Instrumentation instrumentation;
    private volatile VirtualThreads virtualThreads;
    // Per class, so a lookup allocates nothing (a probe reads fields of 10,000 threads per call)
    // and two classes of one name in different loaders never share a Field.
    private final ClassValue<Map<String, Optional<Field>>> fields = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Field>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>(4);
        }
    };

    private JdkInternals(boolean opened, Instrumentation instrumentation) {
        this.opened = opened;
        this.instrumentation = instrumentation;
    }

    /** Opens the packages to the agent's module where {@code instrumentation} allows it. */
    public static JdkInternals open(Instrumentation instrumentation) {
        if (instrumentation == null) {
            return new JdkInternals(false, null);
        }
        try {
            Module base = Object.class.getModule();
            Module agent = JdkInternals.class.getModule();
            Map<String, Set<Module>> opens = new java.util.HashMap<>();
            PACKAGES.forEach(p -> opens.put(p, Set.of(agent)));
            instrumentation.redefineModule(base, Set.of(), Map.of(), opens, Set.of(), Map.of());
            openThreadContainers(instrumentation, base, agent);
            openThreadInfo(instrumentation, agent);
            return new JdkInternals(true, instrumentation);
        } catch (RuntimeException e) {
            return new JdkInternals(false, instrumentation);
        }
    }

    /**
     * JDK 21+: opens jdk.internal.vm, where the thread containers list virtual threads (see
     * {@link VirtualThreads}), on its own, so a JDK without the package loses only that.
     */
    private static void openThreadContainers(Instrumentation instrumentation, Module base, Module agent) {
        if (Runtime.version().feature() < 21) {
            return;
        }
        try {
            Map<String, Set<Module>> containers = Map.of("jdk.internal.vm", Set.of(agent));
            instrumentation.redefineModule(base, Set.of(), containers, containers, Set.of(), Map.of());
        } catch (RuntimeException e) {
            // VirtualThreads says why it cannot count them
        }
    }

    /**
     * Opens java.lang.management (java.management), on its own: {@link TopFrames#frames} reads a
     * ThreadInfo's frames without the copy {@code getStackTrace()} makes of them (10,000 arrays per
     * i() on JDK 17). Read only; a JVM without the module loses only that saving. Only below JDK 21:
     * there i() walks each thread's own stack and reads no ThreadInfo, so nothing is opened for it.
     */
    private static void openThreadInfo(Instrumentation instrumentation, Module agent) {
        if (TopFrames.perThread()) {
            return;
        }
        try {
            Module management = java.lang.management.ThreadInfo.class.getModule();
            Map<String, Set<Module>> opens = Map.of("java.lang.management", Set.of(agent));
            instrumentation.redefineModule(management, Set.of(), Map.of(), opens, Set.of(), Map.of());
        } catch (RuntimeException e) {
            // TopFrames.frames falls back to the copy
        }
    }

    /** The virtual threads of this JVM, looked up on first use and shared by every function. */
    public VirtualThreads virtualThreads() {
        VirtualThreads v = virtualThreads;
        if (v == null) {
            v = VirtualThreads.of(this); // two threads may both look once: harmless
            virtualThreads = v;
        }
        return v;
    }

    /** No Instrumentation: only what the JVM's own flags already opened. */
    public static JdkInternals withoutInstrumentation() {
        return new JdkInternals(false, null);
    }

    /** The agent's Instrumentation, for redefining classes; null when the agent was started from code without one. */
    public Instrumentation instrumentation() {
        return instrumentation;
    }

    /** True when the agent opened the JDK packages itself. */
    public boolean opened() {
        return opened;
    }

    /**
     * The value of field {@code name} declared by {@code declaringClass} (or a superclass) in
     * {@code target}; empty when there is no such field or it cannot be read.
     */
    public Optional<Object> read(Object target, String name) {
        return Optional.ofNullable(value(target, name));
    }

    /**
     * As {@link #read}, null for none: for a pass over every thread, which then makes no Optional
     * per field read.
     */
    public Object value(Object target, String name) {
        if (target == null) {
            return null;
        }
        Class<?> type = target.getClass();
        Map<String, Optional<Field>> ofType = fields.get(type);
        Optional<Field> field = ofType.get(name);
        if (field == null) {
            field = find(type, name); // two threads may both look once: harmless, and no lambda to spin
            ofType.putIfAbsent(name, field);
        }
        if (field.isEmpty()) {
            return null;
        }
        try {
            return field.get().get(target);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static Optional<Field> find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return Optional.of(field);
            } catch (NoSuchFieldException e) {
                // try the superclass
            } catch (RuntimeException e) {
                return Optional.empty(); // InaccessibleObjectException: the package is not open to us
            }
        }
        return Optional.empty();
    }
}
