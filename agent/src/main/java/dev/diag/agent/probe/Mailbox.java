package dev.diag.agent.probe;

import java.util.List;

/**
 * One mailbox: work waiting for some threads. {@code kind} is "executor" (a ThreadPoolExecutor's
 * queue), "fork_join" (a ForkJoinPool's queued submissions and tasks) or "registered" (an app's
 * {@code dev.diag:type=Mailbox} MXBean). {@code capacity} is null when unbounded or unknown;
 * {@code ownerThreadIds} are the threads that drain it, in ascending order.
 */
public record Mailbox(String name, String kind, int size, Integer capacity, List<Long> ownerThreadIds) {
    public static final String EXECUTOR = "executor";
    public static final String FORK_JOIN = "fork_join";
    public static final String REGISTERED = "registered";

    public Mailbox {
        ownerThreadIds = List.copyOf(ownerThreadIds);
    }
}
