package dev.diag.agent.server;

import dev.diag.agent.AgentThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
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
    interface Work {
        void run(Runnable leave);

        /**
         * Runs once the work has left the thread, or said it leaves it: a function that has
         * returned gives its slot back before its answer goes out, so a caller who calls again on
         * hearing it never finds its own call in the way.
         */
        void left();
    }

    /**
     * Runs {@code work} on a free thread as {@code slot}; {@link Work#left} runs once it has left.
     * Cancelling the returned future interrupts the work, or drops it if not yet begun.
     */
    Future<?> submit(CallSlot slot, Work work) throws NodeBusyException {
        synchronized (this) {
            if (taken.size() >= THREADS) {
                throw new NodeBusyException(busy(System.nanoTime()));
            }
            taken.add(slot);
        }
        Leave leave = new Leave(slot, work);
        try {
            pool.execute(leave.task);
        } catch (RejectedExecutionException e) { // shut down
            leave.run();
            throw new NodeBusyException("the node is stopping diag; try again once it runs again");
        }
        return leave.task;
    }

    /**
     * A work's way out of its thread: {@link #run} gives the slot back, once however often it is
     * called. It also carries the work's turn on the thread, {@link #task}, whose {@code run} runs
     * the work ({@link #call}) and always ends by leaving, even for a task cancelled while queued,
     * so the slot always comes back. A class rather than lambdas: each lambda is linked on its
     * first use, which a fresh node's first call paid for.
     */
    private final class Leave implements Runnable, Callable<Void> {
        private final CallSlot slot;
        private final Work work;
        private final AtomicBoolean left = new AtomicBoolean();
        final FutureTask<Void> task = new FutureTask<>(this) {
            @Override
            public void run() {
                try {
                    super.run();
                } finally {
                    Leave.this.run();
                }
            }
        };

        Leave(CallSlot slot, Work work) {
            this.slot = slot;
            this.work = work;
        }

        @Override
        public Void call() {
            work.run(this);
            return null;
        }

        /** Leaves the thread: the slot goes back once. */
        @Override
        public void run() {
            if (left.compareAndSet(false, true)) {
                release(slot, work);
            }
        }
    }

    private void release(CallSlot slot, Work work) {
        synchronized (this) {
            for (int i = 0; i < taken.size(); i++) {
                if (taken.get(i) == slot) {
                    taken.remove(i);
                    break;
                }
            }
        }
        work.left();
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
