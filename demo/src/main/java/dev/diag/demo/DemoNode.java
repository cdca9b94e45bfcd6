package dev.diag.demo;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small service to practise diag on: a pool of request handlers that do a little work per
 * request and hand a log event to an {@link AsyncLogger}. It knows nothing of diag; run it
 * with {@code -javaagent:diag-agent.jar=name=demo}, as you would your own service.
 */
public final class DemoNode {
    private DemoNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        int handlers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        AsyncLogger logger = new AsyncLogger(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(handlers, new NamedThreads("request-handler"));
        AtomicInteger served = new AtomicInteger();
        System.out.println("demo: serving with " + handlers + " request handlers (pid "
                + ProcessHandle.current().pid() + ")");
        while (!Thread.currentThread().isInterrupted()) {
            for (int i = 0; i < handlers; i++) {
                pool.execute(() -> {
                    long checksum = work();
                    logger.log("request " + served.incrementAndGet() + " served, checksum " + checksum);
                });
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** A few microseconds of allocation and arithmetic, so CPU and allocation counters move. */
    private static long work() {
        long[] data = new long[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = ThreadLocalRandom.current().nextLong();
        }
        long sum = 0;
        for (long d : data) {
            sum ^= d;
        }
        return sum;
    }
}
