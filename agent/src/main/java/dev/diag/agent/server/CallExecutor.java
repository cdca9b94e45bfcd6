package dev.diag.agent.server;

import dev.diag.agent.AgentThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small bounded pool that runs diagnostic functions, off the I/O thread. Threads start on
 * demand and end after a short idle time, so an idle agent costs no call threads at all.
 *
 * A call is admitted only while a thread is free for it; otherwise it is refused at once with
 * who holds the threads ({@link NodeBusyException}), never queued behind them: a caller waiting
 * for a thread it cannot have learns nothing but a timeout, and a queue of waiting calls is
 * work the target does later for callers who may have gone. A slot is given back only when its
 * work has left the thread (finished, failed, or cancelled before it began), not when the call
 * was answered: a cancelled call that has not stopped yet still holds its thread.
 */
final class CallExecutor {
    static final int THREADS = 2;

    private final ThreadPoolExecutor pool;
    private final List<CallSlot> taken = new ArrayList<>(); // guarded by this; by identity: two slots may look alike

    CallExecutor() {
        AtomicInteger counter = new AtomicInteger();
        // the queue only bridges the moment between a slot given back and its thread polling again
        pool = new ThreadPoolExecutor(THREADS, THREADS, 10, TimeUnit.SECONDS, new ArrayBlockingQueue<>(THREADS),
                r -> AgentThreads.newThread(r, "diag-call-" + counter.incrementAndGet()));
        pool.allowCoreThreadTimeOut(true);
    }

    /** A call's work, given the means to leave its thread early: once its function has returned, before it answers. */
    @FunctionalInterface
    interface Work {
        void run(Runnable leave);
    }

    /**
     * Runs {@code work} on a free thread as {@code slot}; {@code freed} runs once the work has left
     * the thread, or said it leaves it: a function that has returned gives its slot back before its
     * answer goes out, so a caller who calls again on hearing it never finds its own call in the way.
     * Cancelling the returned future interrupts the work, or drops it if not yet begun.
     */
    Future<?> submit(CallSlot slot, Work work, Runnable freed) throws NodeBusyException {
        synchronized (this) {
            if (taken.size() >= THREADS) {
                throw new NodeBusyException(busy(System.nanoTime()));
            }
            taken.add(slot);
        }
        AtomicBoolean left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                release(slot, freed);
            }
        };
        FutureTask<?> task = new FutureTask<>(() -> work.run(leave), null);
        try {
            // the wrapper always runs, even for a task cancelled while queued, so the slot always comes back
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    leave.run();
                }
            });
        } catch (RejectedExecutionException e) { // shut down
            leave.run();
            throw new NodeBusyException("the node is stopping diag; try again once it runs again");
        }
        return task;
    }

    private void release(CallSlot slot, Runnable freed) {
        synchronized (this) {
            taken.removeIf(each -> each == slot);
        }
        freed.run();
    }

    /** "the node is busy: backtraces() running for 25 s for root@localhost, and i() ...; try again shortly". */
    private String busy(long now) {
        List<String> holders = new ArrayList<>();
        for (CallSlot slot : taken) {
            holders.add(slot.describe(now));
        }
        return "the node is busy: " + String.join(", and ", holders) + "; try again shortly";
    }

    void shutdown() {
        pool.shutdownNow();
    }
}
