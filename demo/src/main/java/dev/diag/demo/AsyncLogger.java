package dev.diag.demo;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A logger in the style of an async appender: callers put events on a bounded queue and one
 * writer thread drains it. When the writer falls behind, callers block in {@code put}.
 */
final class AsyncLogger {
    private final BlockingQueue<String> queue;
    private volatile long written;

    AsyncLogger(int capacity) {
        queue = new ArrayBlockingQueue<>(capacity);
        Thread writer = new Thread(this::drain, "log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void log(String event) {
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        try {
            while (true) {
                String event = queue.take();
                written += event.length();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
