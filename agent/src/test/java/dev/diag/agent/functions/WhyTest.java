package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.Await;
import dev.diag.agent.probe.GcHistory;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.ShutdownWatch;
import dev.diag.agent.probe.TextFiles;
import dev.diag.protocol.result.Finding;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.WhyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** why() in this JVM, on sick states the tests make with threads of their own and undo afterwards. */
class WhyTest {
    private final Why why = new Why(JdkInternals.withoutInstrumentation(), ShutdownWatch.open(), GcHistory.none());
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean spin = true;

    @AfterEach
    void undo() throws InterruptedException {
        spin = false;
        release.countDown();
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    @Test
    void saysNothingOnAHealthyNode() {
        WhyReport report = call(why);
        assertEquals(List.of(), report.findings(), report.toString());
        assertTrue(report.note().contains("no deadlock") && report.note().contains("of max"), report.note());
        assertTrue(report.windowMillis() >= Why.WINDOW_MILLIS, report.toString());
    }

    @Test
    void namesTheHolderOfAMonitorManyWaitFor() throws Exception {
        Object monitor = new Object();
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = start("why-holder", () -> {
            synchronized (monitor) {
                held.countDown();
                awaitRelease();
            }
        });
        held.await();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiters.add(start("why-waiter-" + i, () -> {
                synchronized (monitor) {
                    monitor.hashCode();
                }
            }));
        }
        for (Thread waiter : waiters) {
            Await.state(waiter, Thread.State.BLOCKED);
        }

        Finding convoy = first(call(why), Finding.CONVOY);

        assertEquals(4, convoy.heldUp(), convoy.toString());
        assertEquals(new ProcessRef(holder.getId(), "why-holder"), convoy.pids().get(0));
        assertEquals(5, convoy.pids().size(), convoy.toString());
        assertTrue(convoy.summary().contains("Object") && convoy.summary().contains("why-holder"), convoy.summary());
        assertTrue(convoy.summary().contains("WhyTest.awaitRelease"), convoy.summary());
        assertEquals("process_info(<" + holder.getId() + ">, backtrace)", convoy.next());
    }

    @Test
    void namesAThreadSpinningOnACore() throws Exception {
        Thread spinner = start("why-spinner", () -> {
            long n = 0;
            while (spin) {
                n++;
            }
            Long.valueOf(n).hashCode();
        });
        Await.state(spinner, Thread.State.RUNNABLE);

        Finding spinning = first(call(why), Finding.SPINNING);

        assertEquals(spinner.getId(), spinning.pids().get(0).pid());
        assertTrue(spinning.summary().startsWith("<" + spinner.getId() + "> why-spinner uses "), spinning.summary());
        assertTrue(spinning.evidence().get(0).startsWith("CPU "), spinning.toString());
    }

    @Test
    void namesEachThreadOfADeadlock() throws Exception {
        ReentrantLock first = new ReentrantLock();
        ReentrantLock second = new ReentrantLock();
        CountDownLatch bothHold = new CountDownLatch(2);
        Thread a = start("why-dl-a", () -> crossLock(first, second, bothHold));
        Thread b = start("why-dl-b", () -> crossLock(second, first, bothHold));
        Await.until(() -> first.hasQueuedThreads() && second.hasQueuedThreads(), () -> "both threads to wait");

        Finding deadlock = first(call(why), Finding.DEADLOCK);

        assertEquals(2, deadlock.heldUp(), deadlock.toString());
        assertEquals(List.of(a.getId(), b.getId()), deadlock.pids().stream().map(ProcessRef::pid).toList());
        assertTrue(deadlock.summary().contains("why-dl-a") && deadlock.summary().contains("why-dl-b"), deadlock.summary());
        assertEquals("process_info(<" + a.getId() + ">, backtrace)", deadlock.next());
    }

    @Test
    void namesAFullPoolQueueItsParkedProducersAndWhatItsWorkerDoes() throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(5),
                r -> new Thread(r, "why-pool-worker"));
        try {
            pool.execute(WhyTest::awaitRelease);
            for (int i = 0; i < 5; i++) {
                pool.execute(() -> { });
            }
            List<Thread> producers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                producers.add(start("why-producer-" + i, () -> {
                    try {
                        pool.getQueue().put(() -> { });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Thread producer : producers) {
                Await.state(producer, Thread.State.WAITING);
            }

            WhyReport report = call(why);
            Finding mailbox = first(report, Finding.MAILBOX);
            Finding saturated = first(report, Finding.SATURATED_POOL);

            assertEquals(3, mailbox.heldUp(), mailbox.toString());
            assertEquals("why-pool-worker", mailbox.pids().get(0).name());
            assertEquals(4, mailbox.pids().size(), mailbox.toString());
            assertTrue(mailbox.summary().contains("is full (5 of 5)") && mailbox.summary().contains("why-pool-worker")
                    && mailbox.summary().contains("WhyTest.awaitRelease"), mailbox.summary());
            assertTrue(mailbox.evidence().stream().anyMatch(e -> e.contains("arrival")), mailbox.toString());
            assertEquals("why-pool-worker", saturated.pids().get(0).name());
            assertEquals(3, saturated.heldUp(), saturated.toString());
            assertTrue(report.findings().indexOf(mailbox) < report.findings().indexOf(saturated), report.toString());
        } finally {
            release.countDown();
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void weighsAFullPoolsDrainAgainstItsArrivals() throws Exception {
        // one worker, 20 ms a task: at most 50 tasks a second leave, and two producers keep the queue full
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(20),
                r -> new Thread(r, "why-slow-worker"));
        try {
            for (int i = 0; i < 2; i++) {
                start("why-feeder-" + i, () -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            pool.getQueue().put(() -> sleep(20));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            pool.prestartAllCoreThreads();
            Await.until(() -> pool.getQueue().remainingCapacity() == 0 && pool.getCompletedTaskCount() > 0,
                    () -> "a full queue that drains");

            Finding mailbox = first(call(why), Finding.MAILBOX);

            Matcher rates = Pattern.compile(": ([0-9.]+)/s out, ([0-9.]+)/s in\\.$")
                    .matcher(mailbox.summary());
            assertTrue(rates.find(), mailbox.summary());
            double out = Double.parseDouble(rates.group(1));
            double in = Double.parseDouble(rates.group(2));
            assertTrue(out > 0 && out <= 52, "one worker at 20 ms a task: " + mailbox.summary());
            assertTrue(Math.abs(in - out) <= 10, "a queue full at both ends takes in what it gives out: " + mailbox);
            assertTrue(mailbox.evidence().stream().anyMatch(e -> e.contains("completed tasks")), mailbox.toString());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void warnsWhenThreadsNearTheTightestLimit() {
        Map<String, String> proc = Map.of("/proc/sys/kernel/pid_max", "100\n",
                "/proc/loadavg", "0.00 0.01 0.05 1/95 4242\n");
        Why onAFullHost = new Why(JdkInternals.withoutInstrumentation(), ShutdownWatch.open(), GcHistory.none(), proc::get);

        Finding limit = first(call(onAFullHost), Finding.PROCESS_LIMIT);

        assertTrue(limit.summary().contains("95%") && limit.summary().contains("pidMax"), limit.summary());
        assertEquals("system_info(process_limit)", limit.next());
    }

    @Test
    void ranksFindingsByHowManyTheyHoldUp() throws Exception {
        namesTheHolderOfAMonitorManyWaitFor(); // 4 held up
        Thread spinner = start("why-spinner-2", () -> {
            while (spin) {
                Thread.onSpinWait();
            }
        });
        Await.state(spinner, Thread.State.RUNNABLE);
        List<Finding> findings = call(why).findings();
        for (int i = 1; i < findings.size(); i++) {
            assertTrue(findings.get(i - 1).heldUp() >= findings.get(i).heldUp(), findings.toString());
        }
    }

    private static WhyReport call(Why function) {
        try {
            return (WhyReport) function.call(new Args("why", List.of()), OneShotContext.INSTANCE);
        } catch (FunctionException e) {
            throw new AssertionError(e);
        }
    }

    private static Finding first(WhyReport report, String kind) {
        return report.findings().stream().filter(f -> f.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " finding in " + report));
    }

    private Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    private static void crossLock(ReentrantLock own, ReentrantLock next, CountDownLatch bothHold) {
        own.lock();
        try {
            bothHold.countDown();
            bothHold.await();
            next.lockInterruptibly();
            next.unlock();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            own.unlock();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final CountDownLatch FOREVER = new CountDownLatch(1);

    private static void awaitRelease() {
        try {
            FOREVER.await(); // interrupted by the test's clean-up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
