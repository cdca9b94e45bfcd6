package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.Await;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.TopFrames;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.ProcessRow;
import dev.diag.protocol.result.ProcessTotals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** i() in this JVM, called in-process: its rows for threads the test put in known states, and its totals. */
class ITest {
    private final I i = new I(JdkInternals.withoutInstrumentation());
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private ThreadPoolExecutor pool;

    @AfterEach
    void stopTheThreads() throws InterruptedException {
        release.countDown();
        if (pool != null) {
            pool.shutdownNow();
        }
        for (Thread thread : threads) {
            thread.interrupt();
            Await.ended(thread);
        }
    }

    @Test
    void showsEachThreadsStateNameAndTheFunctionItWaitsInNotThePlumbing() throws Exception {
        Object monitor = new Object();
        Thread parked = start("i-test-parked", this::awaitRelease);
        Thread sleeping = start("i-test-sleeping", ITest::sleepLong);
        Thread blocked;
        Map<Long, ProcessRow> rows;
        synchronized (monitor) {
            blocked = start("i-test-blocked", () -> enter(monitor));
            Await.state(parked, Thread.State.WAITING);
            Await.state(sleeping, Thread.State.TIMED_WAITING);
            Await.state(blocked, Thread.State.BLOCKED);

            rows = byPid(rows(Caller.toTheEnd()));
        }

        assertEquals(List.of("i-test-parked", "WAITING", "CountDownLatch.await"), facts(rows.get(parked.getId())));
        assertEquals(List.of("i-test-sleeping", "TIMED_WAITING", "Thread.sleep"), facts(rows.get(sleeping.getId())));
        assertEquals(List.of("i-test-blocked", "BLOCKED", "ITest.enter"), facts(rows.get(blocked.getId())));
        ProcessRow row = rows.get(parked.getId());
        assertTrue(row.daemon() && !row.virtual(), row.toString());
    }

    @Test
    void rowsComeInPidOrderAcrossBatchesAndTheTotalsAddThemUp() throws Exception {
        startCrowd();
        Caller caller = Caller.toTheEnd();
        ProcessTotals totals = (ProcessTotals) i.call(new Args("i", List.of()), caller);
        List<ProcessRow> rows = caller.rows();

        assertTrue(caller.batches.size() >= 2, "one batch: the order across batches is not tested");
        for (int n = 1; n < rows.size(); n++) {
            assertTrue(rows.get(n - 1).pid() < rows.get(n).pid(), "row " + n + " out of pid order: " + rows);
        }
        assertTrue(rows.stream().allMatch(row -> row.heapBytes() >= 0 && row.cpuNanos() >= 0),
                "a platform thread's heap and cpu are measured, never -1: " + rows);
        assertEquals(rows.size(), totals.processes());
        assertEquals(rows.stream().mapToLong(ProcessRow::heapBytes).sum(), totals.heapBytes());
        assertEquals(rows.stream().mapToLong(ProcessRow::cpuNanos).sum(), totals.cpuNanos());
        assertEquals(rows.stream().collect(Collectors.toMap(ProcessRow::state, row -> 1, Integer::sum, TreeMap::new)),
                totals.states());
        assertTrue(totals.method().startsWith("current function from"), totals.method());
        assertTrue(totals.nodeMillis() != null && totals.nodeMillis() >= 0, totals.toString());
    }

    @Test
    void aWorkerShowsItsPoolsQueueAsItsMailboxAndAThreadServingNoQueueHasNone() throws Exception {
        pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> new Thread(task, "i-test-worker"));
        pool.execute(this::awaitRelease);
        for (int n = 0; n < 3; n++) {
            pool.execute(() -> { });
        }
        Await.until(() -> pool.getActiveCount() == 1, () -> "the worker did not take its first task");
        Thread idle = start("i-test-idle", this::awaitRelease);
        Await.state(idle, Thread.State.WAITING);

        List<ProcessRow> rows = rows(Caller.toTheEnd());

        ProcessRow worker = rows.stream().filter(row -> row.name().equals("i-test-worker")).findFirst().orElseThrow();
        assertEquals(3, worker.msgs(), worker.toString());
        assertNull(byPid(rows).get(idle.getId()).msgs(), "a thread that serves no queue has no mailbox, not an empty one");
    }

    @Test
    void aCallerThatCancelsGetsNoMoreBatchesAndTheTotalsCountOnlyWhatWasSent() throws Exception {
        startCrowd();
        Caller caller = Caller.cancellingAfter(1);

        ProcessTotals totals = (ProcessTotals) i.call(new Args("i", List.of()), caller);

        assertEquals(1, caller.batches.size(), "batches sent after the cancel: " + (caller.batches.size() - 1));
        assertEquals(TopFrames.BATCH, caller.batches.get(0).size());
        assertEquals(TopFrames.BATCH, totals.processes());
    }

    private List<ProcessRow> rows(Caller caller) throws FunctionException {
        i.call(new Args("i", List.of()), caller);
        return caller.rows();
    }

    /** A batch of parked threads: with the JVM's own, i() then streams more than one batch. */
    private void startCrowd() {
        for (int n = 0; n < TopFrames.BATCH; n++) {
            start("i-test-crowd-" + n, this::awaitRelease);
        }
    }

    private Thread start(String name, Runnable body) {
        Thread thread = new Thread(null, body, name, 128 * 1024);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            // the test is over
        }
    }

    private static void sleepLong() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            // the test is over
        }
    }

    /** Blocks on {@code monitor} while the test holds it: the current function i() should show. */
    private static void enter(Object monitor) {
        synchronized (monitor) {
            Thread.onSpinWait(); // in at last: the test let go
        }
    }

    private static Map<Long, ProcessRow> byPid(List<ProcessRow> rows) {
        return rows.stream().collect(Collectors.toMap(ProcessRow::pid, row -> row));
    }

    private static List<String> facts(ProcessRow row) {
        return row == null ? null : Arrays.asList(row.name(), row.state(), row.currentFunction());
    }

    /** The caller of i(): keeps every batch of rows it streams, and cancels once it has {@code cancelAfter} batches. */
    private static final class Caller implements CallContext {
        final List<List<ProcessRow>> batches = new ArrayList<>();
        private final int cancelAfter;

        private Caller(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        static Caller toTheEnd() {
            return new Caller(Integer.MAX_VALUE);
        }

        static Caller cancellingAfter(int batches) {
            return new Caller(batches);
        }

        @Override
        public boolean cancelled() {
            return batches.size() >= cancelAfter;
        }

        @Override
        public void emit(List<?> rows) {
            // i() writes its rows straight into the chunk's JSON: read them back as the shell does
            batches.add(rows.stream().map(row -> Json.mapper().convertValue(row, ProcessRow.class)).toList());
        }

        List<ProcessRow> rows() {
            return batches.stream().flatMap(List::stream).toList();
        }
    }
}
