package dev.diag.agent.probe;

import dev.diag.protocol.result.LockRef;
import dev.diag.protocol.result.StackFrame;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one thread tells about locks: the lock it waits for and its owner ({@code ownerId} -1 for
 * none), and, when taken with frames, where it waits and where it took each monitor it holds.
 */
public record LockFacts(long pid, String name, String state, LockRef waitingFor, long ownerId, String ownerName,
        StackFrame at, Map<LockRef, StackFrame> monitorsLockedAt) {

    /**
     * Every live platform thread's facts without frames: {@code getThreadInfo(ids, 0)} takes no
     * stacks, so the JVM needs no safepoint for it.
     */
    public static Map<Long, LockFacts> everyThread() {
        return of(ThreadTable.bean().getThreadInfo(ThreadTable.bean().getAllThreadIds(), 0));
    }

    /**
     * The facts of {@code ids} with their top {@code depth} frames and the monitors locked in them,
     * in one pause that stops those threads' stacks; held java.util.concurrent locks are not asked
     * for, as finding them would have the JVM walk the whole heap inside the pause.
     */
    public static Map<Long, LockFacts> withFrames(long[] ids, int depth) {
        boolean monitors = ThreadTable.bean().isObjectMonitorUsageSupported(); // else asking for them throws
        return of(ThreadTable.bean().getThreadInfo(ids, monitors, false, depth));
    }

    private static Map<Long, LockFacts> of(ThreadInfo[] infos) {
        Map<Long, LockFacts> facts = new HashMap<>(infos.length * 2);
        for (ThreadInfo info : infos) {
            if (info != null) { // the thread ended since its id was listed
                facts.put(info.getThreadId(), of(info));
            }
        }
        return facts;
    }

    static LockFacts of(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        Map<LockRef, StackFrame> lockedAt = new HashMap<>();
        for (MonitorInfo monitor : info.getLockedMonitors()) {
            if (monitor.getLockedStackFrame() != null) {
                lockedAt.put(ProcessFacts.lock(monitor), ProcessFacts.frame(monitor.getLockedStackFrame(), List.of()));
            }
        }
        StackTraceElement waitsAt = TopFrames.outsideLocks(stack);
        return new LockFacts(info.getThreadId(), info.getThreadName(), info.getThreadState().name(),
                ProcessFacts.lock(info.getLockInfo()), info.getLockOwnerId(), info.getLockOwnerName(),
                waitsAt == null ? null : ProcessFacts.frame(waitsAt, List.of()), lockedAt);
    }
}
