package dev.diag.protocol.result;

import java.util.List;

/**
 * One mailbox of {@code regs()}: a queue some threads drain. {@code kind} is "executor"
 * (a ThreadPoolExecutor's queue), "fork_join" (a ForkJoinPool's queued tasks) or "registered"
 * (an app's {@code dev.diag:type=Mailbox} MXBean). {@code capacity} is null when unbounded or
 * unknown; {@code owners} are the threads that take from it.
 */
public record MailboxRow(String name, String kind, int size, Integer capacity, List<ProcessRef> owners) {
}
