package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A quick check of what one scan costs at 10,000 threads: half of them pool workers behind a
 * factory's wrapper, half plain threads running a lambda. The threads are never started (the
 * finder reads only their fields), so the check is cheap enough for every build. It prints the
 * figure and asserts only what was found: timing belongs to benchmarks, not to unit tests.
 */
class MailboxScanCostTest {
    private static final int THREADS = 10_000;

    @Test
    void scansTenThousandThreadsAndFindsEveryWorker() throws Exception {
        JdkInternals internals = JdkInternals.withoutInstrumentation();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> new Thread(r, "cost-1"));
        try {
            pool.prestartAllCoreThreads();
            Thread live = LiveThreads.byId().values().stream().filter(t -> t.getName().equals("cost-1")).findFirst()
                    .orElseThrow();
            Object worker = ThreadTasks.taskOf(live, internals).orElseThrow();
            List<Thread> threads = new ArrayList<>(THREADS);
            for (int i = 0; i < THREADS / 2; i++) {
                threads.add(new Thread(() -> ((Runnable) worker).run(), "cost-" + (i + 2)));
                String request = "request " + i;
                threads.add(new Thread(() -> request.length(), "handler-" + i));
            }
            MailboxFinder finder = new MailboxFinder(internals);

            long[] nanos = new long[30];
            MailboxSnapshot snapshot = null;
            for (int round = 0; round < nanos.length; round++) {
                long start = System.nanoTime();
                snapshot = finder.scan(threads);
                nanos[round] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("MailboxFinder.scan at %,d threads: median %.2f ms, min %.2f ms of %d scans%n",
                    THREADS, nanos[nanos.length / 2] / 1e6, nanos[0] / 1e6, nanos.length);

            Mailbox mailbox = snapshot.all().stream().filter(m -> m.name().equals("cost")).findFirst().orElseThrow();
            assertEquals(THREADS / 2, mailbox.ownerThreadIds().size());
        } finally {
            pool.shutdownNow();
        }
    }
}
