package dev.diag.agent.probe;

import dev.diag.agent.AgentThreads;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.ShutdownHook;
import dev.diag.protocol.result.ShutdownState;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the JVM is shutting down, and which shutdown hooks still run: {@code system_info(shutdown)}.
 * The agent keeps serving through the shutdown (its daemon threads live until the JVM halts), so
 * a JVM hung in a hook can still be asked why. {@link #arm} adds one hook of the agent's, which
 * only notes when shutdown began and runs a goodbye (heart's): it stops nothing.
 *
 * The hooks are read from the JDK's own table ({@code java.lang.ApplicationShutdownHooks.hooks},
 * open to the agent through its Instrumentation), kept from before shutdown: the JDK drops the
 * table when it starts the hooks, but the map object still holds their threads. Injected into a
 * JVM already shutting down, the agent never saw the table; it then names the hook the shutdown
 * sequence is joining, found from the thread running it. Costs nothing until asked; in shutdown
 * one stack dump of every thread.
 */
public final class ShutdownWatch {
    private final Map<?, ?> hooks; // the JDK's IdentityHashMap<Thread, Thread>, or null
    private final String hidden;
    private volatile long sinceMillis = -1;
    private volatile Thread hook;

    private ShutdownWatch(Map<?, ?> hooks, String hidden) {
        this.hooks = hooks;
        this.hidden = hidden;
    }

    /** Reads the JDK's hook table now, while it exists. */
    public static ShutdownWatch open() {
        try {
            Field field = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
            field.setAccessible(true);
            Object map = field.get(null);
            return map instanceof Map<?, ?> m ? new ShutdownWatch(m, null)
                    : new ShutdownWatch(null, "the JVM was already shutting down when the agent started, so only the "
                            + "hook it is waiting for can be named");
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new ShutdownWatch(null, "the JDK's table of shutdown hooks is not open to diag (inject the agent or "
                    + "start it with -javaagent, or --add-opens java.base/java.lang=ALL-UNNAMED), so only the hook "
                    + "the shutdown is waiting for can be named");
        }
    }

    /**
     * Adds the agent's hook: when shutdown begins it notes the time and runs {@code goodbye}.
     * In a JVM already shutting down no hook can be added: {@code goodbye} runs now.
     */
    public void arm(Runnable goodbye) {
        Thread watch = AgentThreads.newThread(() -> {
            sinceMillis = System.currentTimeMillis();
            goodbye.run();
        }, "diag-shutdown-watch");
        try {
            Runtime.getRuntime().addShutdownHook(watch);
            hook = watch;
        } catch (IllegalStateException shuttingDown) {
            goodbye.run();
        }
    }

    /** Takes the agent's hook back (the agent stops while the JVM runs on); false when shutdown already began. */
    public boolean disarm() {
        Thread watch = hook;
        try {
            return watch == null || Runtime.getRuntime().removeShutdownHook(watch);
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    public ShutdownState state() {
        boolean inShutdown = sinceMillis >= 0 || inShutdown();
        List<String> notes = new ArrayList<>(2);
        Map<Thread, StackTraceElement[]> stacks = inShutdown ? Thread.getAllStackTraces() : Map.of();
        Thread exiting = exiting(stacks);
        List<Thread> threads = hooks != null ? hookThreads(notes) : waitedFor(exiting, stacks);
        if (hooks == null) {
            notes.add(hidden);
        }
        List<ShutdownHook> rows = new ArrayList<>(threads.size());
        for (Thread thread : threads) {
            Thread.State state = thread.getState();
            if (AgentThreads.isAgents(thread) || (inShutdown && state == Thread.State.TERMINATED)) {
                continue;
            }
            StackTraceElement[] stack = stacks.get(thread);
            StackTraceElement top = stack == null ? null : TopFrames.interesting(stack);
            rows.add(new ShutdownHook(state == Thread.State.NEW ? 0 : thread.getId(), thread.getName(), state.name(),
                    top == null ? null : TopFrames.shortName(top)));
        }
        return new ShutdownState(inShutdown, sinceMillis < 0 ? null : sinceMillis,
                exiting == null ? null : new ProcessRef(exiting.getId(), exiting.getName()), rows,
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** The JDK refuses a new hook once shutdown began: asking is the one public test. */
    private static boolean inShutdown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        } catch (RuntimeException e) { // a security manager: no way to tell
            return false;
        }
    }

    private List<Thread> hookThreads(List<String> notes) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                List<Thread> threads = new ArrayList<>();
                for (Object key : hooks.keySet()) {
                    if (key instanceof Thread thread) {
                        threads.add(thread);
                    }
                }
                return threads;
            } catch (RuntimeException changing) {
                // a hook was added meanwhile (the map is the JDK's, not synchronized for us): read again
            }
        }
        notes.add("the shutdown hooks changed while being read; ask again");
        return List.of();
    }

    /** The thread running the shutdown sequence: it is in ApplicationShutdownHooks.runHooks. */
    private static Thread exiting(Map<Thread, StackTraceElement[]> stacks) {
        for (Map.Entry<Thread, StackTraceElement[]> entry : stacks.entrySet()) {
            for (StackTraceElement frame : entry.getValue()) {
                if (frame.getClassName().equals("java.lang.ApplicationShutdownHooks")
                        && frame.getMethodName().equals("runHooks")) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    /** The hook the sequence joins now: the object its thread waits on is that hook's Thread. */
    private static List<Thread> waitedFor(Thread exiting, Map<Thread, StackTraceElement[]> stacks) {
        if (exiting == null) {
            return List.of();
        }
        ThreadInfo info = ThreadTable.bean().getThreadInfo(exiting.getId(), 0);
        if (info == null || info.getLockInfo() == null) {
            return List.of();
        }
        int waitedOn = info.getLockInfo().getIdentityHashCode();
        Map<Thread, Boolean> found = new IdentityHashMap<>();
        for (Thread thread : stacks.keySet()) {
            if (System.identityHashCode(thread) == waitedOn) {
                found.put(thread, true);
            }
        }
        return new ArrayList<>(found.keySet());
    }
}
