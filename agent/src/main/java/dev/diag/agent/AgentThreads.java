package dev.diag.agent;

import java.util.Arrays;

/**
 * The agent's own threads ("diag-io", "diag-call-N", "diag-heart", "diag-heap-dump", the shutdown
 * watch), all started here in one thread group of their own, so the rankings ({@code top()},
 * {@code recon:proc_count}, {@code recon:proc_window}) and the mailbox views can leave them out:
 * an idle node must not name the agent answering the question as its busiest process, nor the
 * call pool's queue as a mailbox of the app. Membership is the group, not the name: an app
 * thread called "diag-…" is still the app's.
 *
 * Cost: {@link #ids()} copies the group's few threads (no stacks, no safepoint).
 *
 * <pre>
 * Thread io = AgentThreads.newThread(loop, "diag-io");   // daemon, not started
 * AgentThreads.isAgents(io)                              // true
 * </pre>
 */
public final class AgentThreads {
    /** Under the root group, whoever starts the agent (an attach listener, premain's main, code). */
    private static final ThreadGroup GROUP = new ThreadGroup(root(), "diag");

    private AgentThreads() {
    }

    /** A daemon thread of the agent's group, not yet started. */
    public static Thread newThread(Runnable task, String name) {
        Thread thread = new Thread(GROUP, task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The group, for thread factories that must make a Thread subclass of their own (Netty's). */
    public static ThreadGroup group() {
        return GROUP;
    }

    public static boolean isAgents(Thread thread) {
        return thread != null && thread.getThreadGroup() == GROUP;
    }

    /** Ids of the agent's live threads, ascending. */
    public static long[] ids() {
        Thread[] threads = new Thread[Math.max(8, GROUP.activeCount() * 2)];
        int n;
        while ((n = GROUP.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = threads[i].getId();
        }
        Arrays.sort(ids);
        return ids;
    }

    private static ThreadGroup root() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root;
    }
}
