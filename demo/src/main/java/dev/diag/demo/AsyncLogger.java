package dev.diag.demo;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A logger in the style of an async appender: callers hand events to one writer thread through a
 * bounded queue, and block when it is full (the common "blocking executor" pattern: the
 * rejection handler puts the task on the queue and waits). When the writer falls behind, every
 * caller ends up parked in {@code ArrayBlockingQueue.put}.
 */
final class AsyncLogger {
    private final ThreadPoolExecutor writer;
    private volatile long writeNanos;
    private long written;

    AsyncLogger(int capacity) {
        writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                new NamedThreads("log-writer"), (task, executor) -> {
                    try {
                        executor.getQueue().put(task); // queue full: wait for room, as a blocking appender does
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    void log(String event) {
        writer.execute(() -> write(event));
    }

    /** From now on every write takes {@code millis}: a slow disk, a stalled log shipper. */
    void slowDown(long millis) {
        writeNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private void write(String event) {
        long delay = writeNanos;
        if (delay > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        written += event.length();
    }
}
