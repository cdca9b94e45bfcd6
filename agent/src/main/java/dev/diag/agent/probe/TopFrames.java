package dev.diag.agent.probe;

import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The function each thread is in, for {@code i()}'s current-function column. Stacks can only be
 * taken at a safepoint, so they are taken a batch at a time ({@link #BATCH} threads, a few
 * frames each): the target sees several short pauses instead of one long one, and a caller that
 * stops reading stops the work between batches.
 *
 * The function shown is the first frame that is not lock or park plumbing ({@code Unsafe.park},
 * {@code LockSupport}, the AbstractQueuedSynchronizer family, {@code Object.wait}, the fork-join
 * blocker hooks, queue transferers), so a thread
 * blocked in {@code ArrayBlockingQueue.put} shows that, not {@code Unsafe.park}.
 *
 * <p>On JDK 17 every frame taken is an object the target allocates (about 52 bytes with its slot
 * in the copied array), so {@code i()} asks only for the frames the batch can need
 * ({@link #depthFor}), read from what costs nothing: each thread's state and park blocker. A
 * thread that waits through a lock or condition (a blocker) may be {@link #DEPTH} frames deep in
 * the JDK's plumbing ({@code ArrayBlockingQueue.put}: 7 on JDK 17); one that parks without a
 * blocker, sleeps, waits on a monitor or blocks entering one is past it within {@link #SHALLOW}
 * ({@code Unsafe.park, LockSupport.park, caller}; on 17 {@code Object.wait} twice, then the caller);
 * a running thread's top frame is its function. A stack taken too short, all plumbing (the thread
 * moved between the look and the pause), is {@link #cutShort} and taken again at full depth.
 */
public final class TopFrames {
    public static final int BATCH = 500;
    public static final int DEPTH = 8;
    /**
     * Frames enough for a thread that waits without a park blocker, sleeps or blocks on a monitor:
     * {@code Object.wait} is two frames deep in the JDK on 17, three from 19 ({@code wait0}).
     */
    public static final int SHALLOW = Runtime.version().feature() >= 19 ? 4 : 3;
    /**
     * From JDK 21 a thread's stack is taken with a handshake with that thread alone: no global
     * pause. On JDK 17 each such call is its own global pause, so there stacks come in batches.
     */
    static final boolean PER_THREAD = Runtime.version().feature() >= 21;

    private TopFrames() {
    }

    /** The current function of each of {@code ids} that is still alive. */
    public static Map<Long, StackTraceElement> of(long[] ids) {
        Map<Long, StackTraceElement> frames = new HashMap<>(ids.length * 2);
        stacks(ids, DEPTH).forEach((id, stack) -> {
            StackTraceElement frame = interesting(stack);
            if (frame != null) {
                frames.put(id, frame);
            }
        });
        return frames;
    }

    /**
     * The stacks of {@code ids} that are still alive, at least {@code depth} frames deep where the
     * thread has them: on JDK 21+ one handshake per thread (never a global pause, whole stacks), on
     * JDK 17 {@link #BATCH} threads per global pause.
     */
    public static Map<Long, StackTraceElement[]> stacks(long[] ids, int depth) {
        Map<Long, StackTraceElement[]> stacks = new HashMap<>(ids.length * 2);
        if (PER_THREAD) {
            Map<Long, Thread> threads = LiveThreads.byId();
            for (long id : ids) {
                Thread thread = threads.get(id);
                if (thread != null) {
                    stacks.put(id, thread.getStackTrace());
                }
            }
            return stacks;
        }
        for (int from = 0; from < ids.length; from += BATCH) {
            long[] batch = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + BATCH));
            for (ThreadInfo info : ThreadTable.bean().getThreadInfo(batch, depth)) {
                if (info != null) {
                    stacks.put(info.getThreadId(), info.getStackTrace());
                }
            }
        }
        return stacks;
    }

    /**
     * The frames to ask for to see past the plumbing of every thread of {@code sorted} (from
     * {@link LiveThreads#sortedById()}) whose id is in {@code ids[from..to)}: the most any of them
     * needs ({@link #depthFor(Thread)}). One depth for the batch, as one call takes its stacks in
     * one pause; an id without a Thread (outside any group) gets {@link #DEPTH}.
     */
    public static int depthFor(Thread[] sorted, long[] ids, int from, int to) {
        int depth = 1;
        for (int i = from; i < to && depth < DEPTH; i++) {
            Thread thread = LiveThreads.find(sorted, ids[i]);
            depth = Math.max(depth, thread == null ? DEPTH : depthFor(thread));
        }
        return depth;
    }

    /**
     * The frames {@code thread} needs for its function to be past the plumbing, from its state and
     * park blocker: reading them stops nothing. A guess about a moment later (the stack is taken at
     * the next pause), so a stack that comes back {@link #cutShort} is taken again.
     */
    public static int depthFor(Thread thread) {
        return switch (thread.getState()) {
            case NEW, RUNNABLE, TERMINATED -> 1;
            case BLOCKED -> SHALLOW; // entering a monitor, or entering it again after Object.wait
            case WAITING, TIMED_WAITING -> LockSupport.getBlocker(thread) == null ? SHALLOW : DEPTH;
        };
    }

    /**
     * True when {@code stack}, taken at most {@code depth} frames deep, is all plumbing and as deep
     * as asked: the function lies further down.
     */
    public static boolean cutShort(StackTraceElement[] stack, int depth) {
        return depth < DEPTH && stack.length >= depth && firstInteresting(stack) == stack.length;
    }

    /**
     * The frames {@code info} holds: its own array, read through {@code internals} where the agent
     * opened java.lang.management (never changed here: callers only read it), else the copy
     * {@code getStackTrace()} makes (16 bytes and a slot per frame, for each thread of each i()).
     */
    public static StackTraceElement[] frames(ThreadInfo info, JdkInternals internals) {
        return internals.value(info, "stackTrace") instanceof StackTraceElement[] frames ? frames : info.getStackTrace();
    }

    /** True where a thread's stack is its own walk, no global pause (JDK 21+). */
    public static boolean perThread() {
        return PER_THREAD;
    }

    /**
     * How the current functions were taken, for the totals line of i(): {@code pauses} is how many
     * global pauses it took on JDK 17 (one per batch, and one more per batch whose stacks came back
     * too short and were taken again), ignored on JDK 21+.
     */
    public static String method(int pauses) {
        return PER_THREAD ? "current function from each thread's own stack walk (JDK 21+: no global pause)"
                : "current function from " + pauses + " stack pause(s) of at most " + BATCH
                        + " threads; no other pause";
    }

    /** The first frame that says what the thread is doing, not how it waits. */
    public static StackTraceElement interesting(StackTraceElement[] stack) {
        int first = firstInteresting(stack);
        return first < stack.length ? stack[first] : stack.length > 0 ? stack[0] : null;
    }

    /** The index of the first frame that is not lock, park or scheduling plumbing; the length if none. */
    public static int firstInteresting(StackTraceElement[] stack) {
        int i = 0;
        while (i < stack.length && isPlumbing(stack[i])) {
            i++;
        }
        return i;
    }

    /**
     * The first frame past the lock's own code and any lambda's generated {@code run}: the code that
     * called {@code ReentrantLock.lock}, even through a method reference such as {@code lock::lock}.
     */
    public static StackTraceElement outsideLocks(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (!isPlumbing(frame) && !frame.getClassName().startsWith("java.util.concurrent.locks.")
                    && !frame.getClassName().contains("$$Lambda")) {
                return frame;
            }
        }
        return stack.length > 0 ? stack[0] : null;
    }

    private static boolean isPlumbing(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.equals("jdk.internal.misc.Unsafe")
                || type.equals("sun.misc.Unsafe")
                || type.equals("java.util.concurrent.locks.LockSupport")
                || type.startsWith("java.util.concurrent.locks.AbstractQueuedSynchronizer")
                || type.startsWith("java.util.concurrent.locks.AbstractQueuedLongSynchronizer")
                // a lock's own Sync classes (ReentrantLock$NonfairSync ...): the lock's method above them says it
                || type.startsWith("java.util.concurrent.locks.") && type.endsWith("Sync")
                || type.equals("java.lang.Object") && frame.getMethodName().startsWith("wait")
                // a virtual thread parks through its own class and the JDK's access bridge (JDK 21+)
                || type.equals("java.lang.VirtualThread") && !frame.getMethodName().equals("run")
                || type.equals("java.lang.System$2") && frame.getMethodName().startsWith("park")
                || type.equals("java.lang.System$1") && frame.getMethodName().startsWith("park")
                || type.equals("jdk.internal.vm.Continuation")
                || type.equals("java.lang.Thread") && (frame.getMethodName().startsWith("sleepNanos")
                        || frame.getMethodName().equals("sleep0"))
                // AQS waits go through the fork-join pool's blocker hooks on JDK 17+
                || type.equals("java.util.concurrent.ForkJoinPool") && frame.getMethodName().endsWith("anagedBlock")
                // and queue hand-offs through their internal transferers
                || type.startsWith("java.util.concurrent.SynchronousQueue$Transfer")
                || type.startsWith("java.util.concurrent.LinkedTransferQueue$");
    }

    /**
     * {@code java.util.concurrent.ArrayBlockingQueue.put(ArrayBlockingQueue.java:370)}, as backtraces
     * print frames (StackTraceElement.toString adds module and loader names: noise here).
     */
    public static String longName(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    /** {@code ArrayBlockingQueue.put}: short enough for a column. */
    public static String shortName(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }
}
