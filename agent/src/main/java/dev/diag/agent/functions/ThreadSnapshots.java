package dev.diag.agent.functions;

import java.lang.management.MonitorInfo;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * JDK 25+: one thread's stack, the monitors it holds in each frame and the lock it waits for, from
 * {@code jdk.internal.vm.ThreadSnapshot} (what {@code jcmd Thread.dump_to_file} uses since JDK
 * 25): a handshake with that thread alone, so no global safepoint stops every thread, and about
 * 20 µs a thread on this machine. Read by reflection (the agent is built for JDK 17, and the
 * agent opens jdk.internal.vm to itself alone); {@link #find()} is null where the class is absent
 * (JDK 17–24), not open to the agent, or does not work, and the caller then takes ThreadInfos.
 *
 * <p>What differs from a ThreadInfo, and how it is made the same: the snapshot lists a monitor the
 * thread waits on in Object.wait() as held in the frame that entered it, where ThreadInfo leaves
 * it out ({@link #monitors}); it names the object waited for but not its holder (the caller reads
 * that from a ThreadInfo without a stack: {@link SnapshotBacktraces}). Its stack leaves out the
 * JVM's hidden frames (lambda proxies, {@code Thread.runWith}), as Thread.dump_to_file does, so a
 * row has those few frames fewer than from a ThreadInfo. The snapshot holds strong references to
 * the lock objects: drop it once written.
 */
final class ThreadSnapshots {
    private static final String CLASS = "jdk.internal.vm.ThreadSnapshot";
    private static final MonitorInfo[] NONE = new MonitorInfo[0];

    private final Method of;
    private final Method threadState;
    private final Field name;
    private final Field stackTrace;
    private final Field locks;
    private final Field lockDepth;
    private final Field lockType;
    private final Field lockObject;
    private final Field blocker;
    private final Field blockerType;
    private final Field blockerObject;

    private ThreadSnapshots() throws ReflectiveOperationException {
        Class<?> snapshot = Class.forName(CLASS);
        Class<?> lock = Class.forName(CLASS + "$ThreadLock");
        Class<?> blocked = Class.forName(CLASS + "$ThreadBlocker");
        of = open(snapshot.getDeclaredMethod("of", Thread.class));
        threadState = open(snapshot.getDeclaredMethod("threadState"));
        name = open(snapshot.getDeclaredField("name"));
        stackTrace = open(snapshot.getDeclaredField("stackTrace"));
        locks = open(snapshot.getDeclaredField("locks"));
        lockDepth = open(lock.getDeclaredField("depth"));
        lockType = open(lock.getDeclaredField("type"));
        lockObject = open(lock.getDeclaredField("obj"));
        blocker = open(snapshot.getDeclaredField("blocker"));
        blockerType = open(blocked.getDeclaredField("type"));
        blockerObject = open(blocked.getDeclaredField("obj"));
    }

    /**
     * The reader, once it has taken the calling thread's own snapshot and read it back; null where
     * the JVM has no ThreadSnapshot, the agent may not open it, or it fails (then ThreadInfos).
     */
    static ThreadSnapshots find() {
        try {
            ThreadSnapshots snapshots = new ThreadSnapshots();
            Object own = snapshots.take(Thread.currentThread());
            if (own == null || snapshots.stack(own).length == 0 || snapshots.state(own) != Thread.State.RUNNABLE) {
                return null;
            }
            snapshots.monitors(own);
            snapshots.waitedFor(own);
            return snapshots;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // absent (JDK 17-24), not opened to the agent, or changed: take ThreadInfos
        }
    }

    /** A snapshot of {@code thread}, or null if it has ended. */
    Object take(Thread thread) throws ReflectiveOperationException {
        try {
            return of.invoke(null, thread);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // e.g. UnsupportedOperationException from a JVM that cannot
            }
            throw e;
        }
    }

    String name(Object snapshot) throws IllegalAccessException {
        return (String) name.get(snapshot);
    }

    Thread.State state(Object snapshot) throws ReflectiveOperationException {
        return (Thread.State) threadState.invoke(snapshot);
    }

    /** Never null: {@code of} puts an empty array where the thread had no frames. */
    StackTraceElement[] stack(Object snapshot) throws IllegalAccessException {
        return (StackTraceElement[]) stackTrace.get(snapshot);
    }

    /**
     * The object the thread is blocked on entering, waits on in Object.wait(), or is parked on
     * (its park blocker), or null: ThreadInfo's lock.
     */
    Object waitedFor(Object snapshot) throws IllegalAccessException {
        Object on = blocker.get(snapshot);
        return on == null ? null : blockerObject.get(on);
    }

    /**
     * True when the thread waits for a monitor: blocked entering it, or in Object.wait() on it (a
     * ThreadInfo names the monitor's holder as its lock owner in both).
     */
    boolean waitsForMonitor(Object snapshot) throws IllegalAccessException {
        String type = blockerType(snapshot);
        return "WAITING_TO_LOCK".equals(type) || "WAITING_ON".equals(type);
    }

    /** PARK_BLOCKER, WAITING_TO_LOCK, WAITING_ON (in Object.wait()), or null for none. */
    private String blockerType(Object snapshot) throws IllegalAccessException {
        Object on = blocker.get(snapshot);
        return on == null ? null : ((Enum<?>) blockerType.get(on)).name();
    }

    /**
     * The monitors held, with their frames' depths, as a ThreadInfo lists them: within each frame
     * the JVM leaves out the monitor waited on in Object.wait() or being entered (not a park
     * blocker) until it has kept one, and so does this; eliminated monitors (no object) are left
     * out too, and do not count as kept.
     */
    MonitorInfo[] monitors(Object snapshot) throws IllegalAccessException {
        Object[] held = (Object[]) locks.get(snapshot);
        if (held.length == 0) {
            return NONE;
        }
        Object waited = "PARK_BLOCKER".equals(blockerType(snapshot)) ? null : waitedFor(snapshot);
        MonitorInfo[] monitors = new MonitorInfo[held.length];
        int n = 0;
        int frame = -1;
        boolean keptInFrame = false; // as HotSpot's javaVFrame::locked_monitors: skipped ones do not count
        for (Object lock : held) {
            Object monitor = ((Enum<?>) lockType.get(lock)).name().equals("LOCKED") ? lockObject.get(lock) : null;
            if (monitor == null) {
                continue; // eliminated: skipped, and not its frame's first
            }
            int depth = lockDepth.getInt(lock);
            if (depth != frame) {
                frame = depth;
                keptInFrame = false;
            }
            if (!keptInFrame && monitor == waited) {
                continue;
            }
            keptInFrame = true;
            StackTraceElement[] stack = stack(snapshot);
            boolean inStack = depth >= 0 && depth < stack.length; // MonitorInfo wants the frame with its depth
            monitors[n++] = new MonitorInfo(monitor.getClass().getName(), System.identityHashCode(monitor),
                    inStack ? depth : -1, inStack ? stack[depth] : null);
        }
        return n == monitors.length ? monitors : Arrays.copyOf(monitors, n);
    }

    private static <T extends java.lang.reflect.AccessibleObject> T open(T member) {
        member.setAccessible(true);
        return member;
    }
}
