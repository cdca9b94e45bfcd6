package dev.diag.agent.probe;

import java.util.List;

/**
 * One mailbox: work waiting for some threads. {@code kind} is "executor" (a ThreadPoolExecutor's
 * queue), "fork_join" (a ForkJoinPool's queued submissions and tasks), "registered" (an app's
 * {@code dev.diag:type=Mailbox} MXBean) or a framework's ("logback", "tomcat", "jetty").
 * {@code size} is the backlog: for a scheduled executor only the tasks already due;
 * {@code scheduled} is the delayed tasks not yet due, null where the queue has none of its kind.
 * {@code capacity} is null when unbounded or unknown; {@code ownerThreadIds} are the threads that
 * drain it, in ascending order; {@code busy} and {@code maxThreads} are how many of them run a task
 * now and how many the pool may start, null where unknown.
 */
public record Mailbox(String name, String kind, int size, Integer capacity, List<Long> ownerThreadIds,
        Integer scheduled, Integer busy, Integer maxThreads) {
    public static final String EXECUTOR = "executor";
    public static final String FORK_JOIN = "fork_join";
    public static final String REGISTERED = "registered";

    public Mailbox {
        ownerThreadIds = List.copyOf(ownerThreadIds);
    }

    /** A plain queue: nothing scheduled, no pool figures. */
    public Mailbox(String name, String kind, int size, Integer capacity, List<Long> ownerThreadIds) {
        this(name, kind, size, capacity, ownerThreadIds, null, null, null);
    }
}
