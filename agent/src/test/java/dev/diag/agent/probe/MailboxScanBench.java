package dev.diag.agent.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one {@link MailboxFinder#scan} costs at 10,000 live threads: 4 fixed pools of 250 whose
 * factory wraps each task in a lambda, each with 150 tasks queued, and 9,000 parked threads.
 * Not a test (it starts 10,000 threads); run by hand on each JDK, figures in docs/mailboxes.md:
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util.concurrent=ALL-UNNAMED \
 *      -cp agent/target/classes:agent/target/test-classes dev.diag.agent.probe.MailboxScanBench
 * </pre>
 */
public final class MailboxScanBench {
    private static final int ROUNDS = 40;

    private MailboxScanBench() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Runnable park = () -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<ExecutorService> pools = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            AtomicInteger n = new AtomicInteger();
            String prefix = "pool" + p + "-worker-";
            ExecutorService pool = Executors.newFixedThreadPool(250, r -> {
                Thread thread = new Thread(() -> r.run(), prefix + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            for (int i = 0; i < 400; i++) {
                pool.execute(park);
            }
            pools.add(pool);
        }
        for (int i = 0; i < 9_000; i++) {
            Thread thread = new Thread(park, "handler-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(500);

        MailboxFinder finder = new MailboxFinder(JdkInternals.withoutInstrumentation());
        long[] nanos = new long[ROUNDS];
        MailboxSnapshot snapshot = null;
        int threads = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Collection<Thread> live = LiveThreads.byId().values();
            threads = live.size();
            long start = System.nanoTime();
            snapshot = finder.scan(live);
            nanos[round] = System.nanoTime() - start;
        }
        long first = nanos[0];
        Arrays.sort(nanos);
        System.out.printf("JDK %s, %,d threads: first scan %.1f ms, then median %.2f ms (min %.2f) of %d%n",
                System.getProperty("java.version"), threads, first / 1e6, nanos[ROUNDS / 2] / 1e6, nanos[0] / 1e6,
                ROUNDS);
        for (Mailbox mailbox : snapshot.all()) {
            System.out.println("  " + mailbox.name() + ": " + mailbox.size() + " queued, "
                    + mailbox.ownerThreadIds().size() + " owners");
        }
        System.out.println("  note: " + snapshot.note());
        gate.countDown();
        pools.forEach(ExecutorService::shutdownNow);
    }
}
