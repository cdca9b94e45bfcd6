package dev.diag.demo;

import java.util.concurrent.BlockingQueue;

/** A queue and the thread that drains it, shown to diag as a mailbox. */
public final class QueueMailbox implements MailboxMXBean {
    private final BlockingQueue<?> queue;
    private final Thread owner;

    public QueueMailbox(BlockingQueue<?> queue, Thread owner) {
        this.queue = queue;
        this.owner = owner;
    }

    @Override
    public int getSize() {
        return queue.size();
    }

    @Override
    public int getCapacity() {
        return queue.size() + queue.remainingCapacity();
    }

    @Override
    public long getOwnerThreadId() {
        return owner.getId();
    }
}
