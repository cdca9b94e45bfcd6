package dev.diag.agent.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The cheap facts of every live platform thread, taken in bulk: state, lock waited for and its
 * owner ({@code getThreadInfo(ids, 0)}: no stacks, so no global pause), CPU time and allocated
 * bytes ({@code com.sun.management.ThreadMXBean}'s array calls, one pass each). This is all
 * {@code i()} needs except the current function (see {@link TopFrames}).
 */
public final class ThreadTable {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One thread; cpuNanos and allocatedBytes are -1 where the JVM does not measure them. */
    public record Entry(long id, ThreadInfo info, long cpuNanos, long allocatedBytes) {
    }

    private final List<Entry> entries;

    private ThreadTable(List<Entry> entries) {
        this.entries = entries;
    }

    /** Takes the table now; threads that end while it is taken are left out. */
    public static ThreadTable take() {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids, 0);
        long[] cpu = cpuNanos(ids);
        long[] allocated = allocatedBytes(ids);
        List<Entry> entries = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null) { // null: the thread ended between the two calls
                entries.add(new Entry(ids[i], infos[i], cpu == null ? -1 : cpu[i], allocated == null ? -1 : allocated[i]));
            }
        }
        return new ThreadTable(entries);
    }

    /** The CPU time of each of {@code ids} in one pass, -1 for one that ended; null where the JVM does not measure it. */
    public static long[] cpuNanos(long[] ids) {
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled() ? THREADS.getThreadCpuTime(ids) : null;
    }

    /** The bytes each of {@code ids} allocated, in one pass, -1 for one that ended; null where the JVM does not measure it. */
    public static long[] allocatedBytes(long[] ids) {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled()
                ? THREADS.getThreadAllocatedBytes(ids) : null;
    }

    /** The facts of one thread, taken alone; null when no live thread has that id. */
    public static Entry one(long id) {
        if (id <= 0) {
            return null; // thread ids are positive; the MXBean throws for the rest
        }
        ThreadInfo info = THREADS.getThreadInfo(id, 0);
        if (info == null) {
            return null;
        }
        return new Entry(id, info, THREADS.isThreadCpuTimeEnabled() ? THREADS.getThreadCpuTime(id) : -1,
                THREADS.isThreadAllocatedMemoryEnabled() ? THREADS.getThreadAllocatedBytes(id) : -1);
    }

    public List<Entry> entries() {
        return entries;
    }

    public static com.sun.management.ThreadMXBean bean() {
        return THREADS;
    }
}
