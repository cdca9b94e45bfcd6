package dev.diag.agent.probe;

import dev.diag.agent.AgentThreads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Per-thread counters at one instant, and what changed between two instants: the probe behind
 * {@code recon:proc_count}, {@code recon:proc_window} and {@code top()}. A snapshot is three bulk
 * calls of the ThreadMXBean (every id, then every CPU time and every allocated-bytes count in one
 * array call each): no stacks, so no pause, and about a millisecond at 10,000 threads. The
 * agent's own threads are not in it ({@link AgentThreads}).
 *
 * <pre>
 * Snapshot before = ThreadWindow.take();  ...sleep...  Snapshot after = ThreadWindow.take();
 * ThreadWindow.diff(before.ids(), before.cpu(), after.ids(), after.cpu(), 10)  // top 10 by CPU used meanwhile
 * </pre>
 */
public final class ThreadWindow {
    private ThreadWindow() {
    }

    /** Counters by thread id, ids ascending; a value is -1 where the JVM does not measure it or the thread ended. */
    public record Snapshot(long nanos, long[] ids, long[] cpu, long[] allocated) {
    }

    /** One thread: its counter at the end ({@code total}) and how much it grew in the window ({@code delta}). */
    public record Change(long id, long total, long delta) {
    }

    /** The top threads of a window; {@code born} started during it, {@code died} ended and are left out. */
    public record Diff(List<Change> top, int threads, int born, int died) {
    }

    public static Snapshot take() {
        com.sun.management.ThreadMXBean bean = ThreadTable.bean();
        long[] ids = withoutAgents(bean.getAllThreadIds());
        long nanos = System.nanoTime();
        long[] cpu = bean.isThreadCpuTimeSupported() && bean.isThreadCpuTimeEnabled() ? bean.getThreadCpuTime(ids) : unmeasured(ids);
        long[] allocated = bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()
                ? bean.getThreadAllocatedBytes(ids) : unmeasured(ids);
        return new Snapshot(nanos, ids, cpu, allocated);
    }

    /** The {@code n} threads with the largest values (ties: lowest id first); unmeasured ones are left out. */
    public static List<Change> top(long[] ids, long[] values, int n) {
        Top top = new Top(n);
        for (int i = 0; i < ids.length; i++) {
            if (values[i] >= 0) {
                top.offer(new Change(ids[i], values[i], values[i]));
            }
        }
        return top.sorted();
    }

    /**
     * The {@code n} threads whose value grew most from {@code before} to {@code after} (both ids
     * ascending). A thread born in the window counts from zero; one that died is left out and
     * counted; one unmeasured at the end is left out.
     */
    public static Diff diff(long[] beforeIds, long[] before, long[] afterIds, long[] after, int n) {
        Top top = new Top(n);
        int born = 0;
        int died = 0;
        int threads = 0;
        int b = 0;
        for (int a = 0; a < afterIds.length; a++) {
            while (b < beforeIds.length && beforeIds[b] < afterIds[a]) {
                died++;
                b++;
            }
            boolean seenBefore = b < beforeIds.length && beforeIds[b] == afterIds[a];
            long start = seenBefore ? Math.max(0, before[b]) : 0;
            if (seenBefore) {
                b++;
            } else {
                born++;
            }
            if (after[a] >= 0) {
                threads++;
                top.offer(new Change(afterIds[a], after[a], after[a] - start));
            }
        }
        died += beforeIds.length - b;
        return new Diff(top.sorted(), threads, born, died);
    }

    /**
     * The ids ascending (the diff walks two snapshots side by side), the agent's own threads left
     * out: the call answering "who is busy" is busy itself, and is never the answer.
     */
    static long[] withoutAgents(long[] all) {
        long[] agents = AgentThreads.ids();
        long[] ids = new long[all.length];
        int n = 0;
        for (long id : all) {
            if (Arrays.binarySearch(agents, id) < 0) {
                ids[n++] = id;
            }
        }
        ids = n == ids.length ? ids : Arrays.copyOf(ids, n);
        Arrays.sort(ids);
        return ids;
    }

    private static long[] unmeasured(long[] ids) {
        long[] values = new long[ids.length];
        Arrays.fill(values, -1);
        return values;
    }

    /** The n largest deltas seen, kept in a heap of n: no sort of every thread. */
    private static final class Top {
        private static final Comparator<Change> LARGEST_FIRST = new Comparator<>() {
            @Override
            public int compare(Change x, Change y) {
                int byDelta = Long.compare(y.delta(), x.delta());
                return byDelta != 0 ? byDelta : Long.compare(x.id(), y.id());
            }
        };
        private final int n;
        private final PriorityQueue<Change> kept;

        Top(int n) {
            this.n = n;
            this.kept = new PriorityQueue<>(n + 1, LARGEST_FIRST.reversed());
        }

        void offer(Change change) {
            kept.add(change);
            if (kept.size() > n) {
                kept.poll(); // the smallest of the n + 1
            }
        }

        List<Change> sorted() {
            List<Change> list = new ArrayList<>(kept);
            list.sort(LARGEST_FIRST);
            return list;
        }
    }
}
