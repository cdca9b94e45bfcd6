package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code process_info(Pid, backtrace)}: a thread's whole stack with the locks it holds and the one
 * it waits for. {@code waitingOnOwner} is the thread holding that lock; {@code waitsForMailbox}
 * names the mailbox whose queue the thread waits on (e.g. blocked in {@code put} on a full queue),
 * {@code mailboxOwners} the threads that drain it, so a waiter without a lock owner still points
 * at who it waits for, and {@code mailboxSize}/{@code mailboxCapacity} how full it is (null from
 * agents before 0.2, and capacity null when unbounded). {@code lockedSynchronizers} is null where
 * they were not looked for.
 */
public record Backtrace(long pid, String name, String state, List<StackFrame> frames, LockRef waitingOn,
        ProcessRef waitingOnOwner, String waitsForMailbox, List<ProcessRef> mailboxOwners,
        List<LockRef> lockedSynchronizers, Integer mailboxSize, Integer mailboxCapacity) {

    /** A backtrace waiting on no mailbox. */
    public Backtrace(long pid, String name, String state, List<StackFrame> frames, LockRef waitingOn,
            ProcessRef waitingOnOwner, List<LockRef> lockedSynchronizers) {
        this(pid, name, state, frames, waitingOn, waitingOnOwner, null, null, lockedSynchronizers, null, null);
    }
}
