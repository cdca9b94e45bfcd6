package dev.diag.agent.probe;

import java.util.HashMap;
import java.util.Map;

/**
 * The live platform threads as {@link Thread} objects, by id, from the root thread group. Unlike
 * {@code Thread.getAllStackTraces()} this takes no stacks and so brings the JVM to no safepoint:
 * it costs a copy of the group's array. Virtual threads are not in any group; they are found
 * elsewhere (issue 8).
 */
public final class LiveThreads {
    private LiveThreads() {
    }

    public static Map<Long, Thread> byId() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[Math.max(16, root.activeCount() * 2)];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2]; // more appeared meanwhile: try again, larger
        }
        Map<Long, Thread> byId = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            byId.put(threads[i].getId(), threads[i]);
        }
        return byId;
    }
}
