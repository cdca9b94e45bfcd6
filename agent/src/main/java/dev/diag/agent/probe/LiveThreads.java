package dev.diag.agent.probe;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live platform threads as {@link Thread} objects, by id, from the root thread group. Unlike
 * {@code Thread.getAllStackTraces()} this takes no stacks and so brings the JVM to no safepoint:
 * it costs a copy of the group's array. Virtual threads are not in any group; they are found
 * elsewhere (issue 8).
 */
public final class LiveThreads {
    private static final Comparator<Thread> BY_ID = Comparator.comparingLong(Thread::getId);

    private LiveThreads() {
    }

    /** Every live thread, in no order: as {@link #byId()} without the map, for a pass over them all. */
    public static List<Thread> all() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[Math.max(16, root.activeCount() * 2)];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2]; // more appeared meanwhile: try again, larger
        }
        return Arrays.asList(threads).subList(0, n);
    }

    /**
     * Every live thread, sorted by id, for {@link #find}: a lookup by id that, unlike
     * {@link #byId()}, makes no map entry and no boxed id per thread.
     */
    public static Thread[] sortedById() {
        List<Thread> all = all();
        Thread[] sorted = all.toArray(new Thread[0]);
        Arrays.sort(sorted, BY_ID);
        return sorted;
    }

    /** The thread with id {@code id} in {@code sorted} (from {@link #sortedById()}), or null. */
    public static Thread find(Thread[] sorted, long id) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long at = sorted[middle].getId();
            if (at < id) {
                low = middle + 1;
            } else if (at > id) {
                high = middle - 1;
            } else {
                return sorted[middle];
            }
        }
        return null;
    }

    public static Map<Long, Thread> byId() {
        List<Thread> all = all();
        Map<Long, Thread> byId = new HashMap<>(all.size() * 2);
        for (Thread thread : all) {
            byId.put(thread.getId(), thread);
        }
        return byId;
    }
}
