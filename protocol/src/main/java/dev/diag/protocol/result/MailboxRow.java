package dev.diag.protocol.result;

import java.util.List;

/**
 * One mailbox of {@code regs()}: a queue some threads drain. {@code kind} is "executor"
 * (a ThreadPoolExecutor's queue), "fork_join" (a ForkJoinPool's queued tasks), "registered"
 * (an app's {@code dev.diag:type=Mailbox} MXBean) or a framework's ("logback", "tomcat", "jetty").
 * {@code size} is the backlog: for a scheduled executor, the tasks already due. {@code capacity}
 * is null when unbounded or unknown; {@code owners} are the threads that take from it.
 * Added after 0.1, null where an agent does not know: {@code scheduled}, the delayed tasks not yet
 * due (not backlog); {@code threads}, the pool's busy threads and its most (Tomcat, Jetty).
 */
public record MailboxRow(String name, String kind, int size, Integer capacity, List<ProcessRef> owners,
        Integer scheduled, PoolThreads threads) {

    /** A plain queue: nothing scheduled, no pool figures. */
    public MailboxRow(String name, String kind, int size, Integer capacity, List<ProcessRef> owners) {
        this(name, kind, size, capacity, owners, null, null);
    }
}
