package dev.diag.demo;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small service to practise diag on: request handlers (a pool that grows with demand, as a
 * thread-per-request server does) do a little work per request and log it through slf4j to
 * logback, whose AsyncAppender "ASYNC" hands each event to its worker thread through a queue of
 * 1,000 (see logback.xml); an audit trail is written by its own thread from a queue the service
 * registers as a mailbox. It knows nothing of diag; run it with
 * {@code -javaagent:diag-agent.jar=name=demo}, as you would your own service.
 *
 * With {@code --leak}, the disk behind the AsyncAppender turns slow a few seconds after start
 * and the classic backlog builds: the appender's queue fills, handlers pile up blocked in
 * {@code ArrayBlockingQueue.put}, and the pool keeps starting handlers for new requests, so the
 * thread count climbs (capped at {@value #MAX_HANDLERS} handlers, to spare the machine).
 */
public final class DemoNode {
    static final int MAX_HANDLERS = 1_500;
    private static final int REQUESTS_PER_TICK = 8;
    private static final Logger LOG = LoggerFactory.getLogger(DemoNode.class);

    private DemoNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean leak = List.of(args).contains("--leak");
        AuditTrail audit = AuditTrail.start();
        ThreadPoolExecutor handlers = (ThreadPoolExecutor) Executors.newCachedThreadPool(new NamedThreads("request-handler"));
        AtomicInteger served = new AtomicInteger();
        System.out.println("demo: serving (pid " + ProcessHandle.current().pid() + ")"
                + (leak ? "; the disk behind the ASYNC appender turns slow in 5 s" : ""));
        long slowAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Thread.currentThread().isInterrupted()) {
            if (leak && System.nanoTime() > slowAt) {
                disk().slowDown(50);
                leak = false;
                System.out.println("demo: the disk behind the ASYNC appender is slow now");
            }
            for (int i = 0; i < REQUESTS_PER_TICK && handlers.getPoolSize() < MAX_HANDLERS; i++) {
                handlers.execute(() -> {
                    long checksum = work();
                    int n = served.incrementAndGet();
                    LOG.info("request {} served, checksum {}", n, checksum);
                    audit.record(n);
                });
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** The appender logback.xml puts behind ASYNC, found as an operator's tool would: by name. */
    private static SlowDiskAppender disk() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        AsyncAppender async = (AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
        return (SlowDiskAppender) async.getAppender("DISK");
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
