package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code process_info(Pid, links)}: a thread's place in the wait-for graph: the lock it waits for
 * and that lock's owner, and the threads waiting for locks it holds. A lock that is a mailbox's
 * queue (a producer parked in put() on a full queue) has no owner, but a drainer:
 * {@code waitsForMailbox} names the mailbox and {@code mailboxOwners} the threads that drain it
 * (both null when the lock is no mailbox's, and from agents before 0.2).
 */
public record Links(long pid, LockRef waitingOn, ProcessRef owner, List<ProcessRef> waitingForMe,
        String waitsForMailbox, List<ProcessRef> mailboxOwners) {

    /** Links of a lock that is no mailbox's. */
    public Links(long pid, LockRef waitingOn, ProcessRef owner, List<ProcessRef> waitingForMe) {
        this(pid, waitingOn, owner, waitingForMe, null, null);
    }
}
