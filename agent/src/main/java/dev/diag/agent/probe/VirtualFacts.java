package dev.diag.agent.probe;

import dev.diag.protocol.result.Backtrace;
import dev.diag.protocol.result.Links;
import dev.diag.protocol.result.LockRef;
import dev.diag.protocol.result.ProcessInfo;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What {@code process_info} tells about one virtual thread, which ThreadMXBean does not see: its
 * state and name from the Thread, its stack from the thread itself (no pause: an unmounted virtual
 * thread's stack is a heap object), the lock it waits for from its park blocker, and that lock's
 * owner where the lock is an ownable synchronizer (ReentrantLock and friends). The JVM keeps no
 * CPU time or allocation per virtual thread and no monitor facts: those items say "not measured".
 */
public final class VirtualFacts {
    /** The thread group every virtual thread reports. */
    public static final String VIRTUAL_GROUP = "VirtualThreads";

    private final JdkInternals internals;

    public VirtualFacts(JdkInternals internals) {
        this.internals = internals;
    }

    public ProcessInfo info(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        StackTraceElement current = TopFrames.interesting(stack);
        return new ProcessInfo(thread.getId(), thread.getName(), thread.getState().name(), initialCall(stack),
                current == null ? null : TopFrames.longName(current), null, null, -1, -1, thread.getPriority(),
                VIRTUAL_GROUP, true);
    }

    /** {@code Class.method(File.java:line)} of the first frame that is not park or lock plumbing; null if none. */
    public static String currentFunction(Thread thread) {
        StackTraceElement current = TopFrames.interesting(thread.getStackTrace());
        return current == null ? null : TopFrames.longName(current);
    }

    /** The frame the thread's task started in: the outermost frame outside the JDK, or the task's run. */
    public static String initialCall(StackTraceElement[] stack) {
        for (int i = stack.length - 1; i >= 0; i--) {
            String type = stack[i].getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return type + "." + stack[i].getMethodName();
            }
        }
        return stack.length > 1 ? stack[stack.length - 2].getClassName() + "." + stack[stack.length - 2].getMethodName()
                : null;
    }

    public List<StackFrame> stack(Thread thread) {
        List<StackFrame> frames = new ArrayList<>();
        for (StackTraceElement e : thread.getStackTrace()) {
            frames.add(new StackFrame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber(),
                    e.isNativeMethod(), List.of()));
        }
        return frames;
    }

    public Backtrace backtrace(Thread thread) {
        Object blocker = LockSupport.getBlocker(thread);
        return new Backtrace(thread.getId(), thread.getName(), thread.getState().name(), stack(thread), lock(blocker),
                owner(blocker), null);
    }

    public Links links(Thread thread) {
        Object blocker = LockSupport.getBlocker(thread);
        List<ProcessRef> waiters = new ArrayList<>();
        for (ThreadTable.Entry other : ThreadTable.take().entries()) {
            if (other.info().getLockOwnerId() == thread.getId()) {
                waiters.add(new ProcessRef(other.id(), other.info().getThreadName()));
            }
        }
        return new Links(thread.getId(), lock(blocker), owner(blocker), waiters);
    }

    private static LockRef lock(Object blocker) {
        return blocker == null ? null : new LockRef(blocker.getClass().getName(), System.identityHashCode(blocker));
    }

    /** The thread holding {@code blocker} when it is an AbstractOwnableSynchronizer that records one. */
    private ProcessRef owner(Object blocker) {
        return internals.read(blocker, "exclusiveOwnerThread")
                .filter(Thread.class::isInstance)
                .map(owner -> new ProcessRef(((Thread) owner).getId(), ((Thread) owner).getName()))
                .orElse(null);
    }
}
