package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code process_info(Pid, links)}: a thread's place in the wait-for graph: the lock it waits for
 * and that lock's owner, and the threads waiting for locks it holds.
 */
public record Links(long pid, LockRef waitingOn, ProcessRef owner, List<ProcessRef> waitingForMe) {
}
