package dev.diag.agent.server;

import dev.diag.agent.AgentThreads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small bounded pool that runs diagnostic functions, off the I/O thread. Threads start on
 * demand and end after a short idle time, so an idle agent costs no call threads at all; a full
 * queue refuses the call rather than growing.
 */
final class CallExecutor {
    static final int THREADS = 2;
    static final int QUEUE = 32;

    private final ThreadPoolExecutor pool;

    CallExecutor() {
        AtomicInteger counter = new AtomicInteger();
        pool = new ThreadPoolExecutor(THREADS, THREADS, 10, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> AgentThreads.newThread(r, "diag-call-" + counter.incrementAndGet()));
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code task}, or throws when {@link #QUEUE} calls already wait. */
    Future<?> submit(Runnable task) throws RejectedExecutionException {
        return pool.submit(task);
    }

    /** Frees the queue slots of cancelled calls that no thread has started yet. */
    void purge() {
        pool.purge();
    }

    void shutdown() {
        pool.shutdownNow();
    }
}
