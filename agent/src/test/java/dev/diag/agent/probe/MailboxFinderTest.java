package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real executors in this JVM, found through their threads. The surefire argLine opens the JDK
 * packages the agent's Instrumentation opens in a target, so the reflective paths run here.
 */
class MailboxFinderTest {
    private final MailboxFinder finder = new MailboxFinder(JdkInternals.withoutInstrumentation());
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<ExecutorService> pools = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AppMailboxBeans beans = new AppMailboxBeans();

    @AfterEach
    void release() throws Exception {
        gate.countDown();
        pools.forEach(ExecutorService::shutdownNow);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        beans.close();
    }

    @Test
    void findsAFixedPoolWhoseFactoryWrapsItsTasksInALambdaAndNamesItAfterItsThreads() {
        List<Thread> workers = new CopyOnWriteArrayList<>();
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = track((ThreadPoolExecutor) Executors.newFixedThreadPool(3, r -> {
            Thread thread = new Thread(() -> r.run(), "request-handler-" + n.incrementAndGet());
            workers.add(thread);
            return thread;
        }));
        for (int i = 0; i < 8; i++) {
            pool.execute(this::awaitGate);
        }
        await(() -> pool.getActiveCount() == 3);

        MailboxSnapshot snapshot = scan();
        Mailbox mailbox = named(snapshot, "request-handler");
        assertEquals(new Mailbox("request-handler", "executor", 5, null, ids(workers)), mailbox);
        for (Thread worker : workers) {
            assertEquals(Optional.of(mailbox), snapshot.servedBy(worker.getId()));
        }
        assertTrue(snapshot.servedBy(Thread.currentThread().getId()).isEmpty());
    }

    @Test
    void aProducerBlockedInPutOnAFullQueuePointsAtTheMailboxItWaitsFor() {
        ThreadPoolExecutor logger = track(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2), named("async-logger"), (r, executor) -> {
                    try {
                        executor.getQueue().put(r); // block the caller, as a log appender's "wait" policy does
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        logger.execute(this::awaitGate);
        logger.execute(() -> { });
        logger.execute(() -> { });
        Thread producer = start("handler-1", () -> logger.execute(() -> { }));
        await(() -> LockSupport.getBlocker(producer) != null);

        MailboxSnapshot snapshot = scan();
        Mailbox mailbox = named(snapshot, "async-logger");
        assertEquals(2, mailbox.size());
        assertEquals(2, mailbox.capacity());
        assertEquals(Optional.of(mailbox), snapshot.waitedOnBy(producer));
        assertEquals(Optional.of(mailbox), snapshot.servedBy(mailbox.ownerThreadIds().get(0)));
        assertTrue(snapshot.waitedOnBy(Thread.currentThread()).isEmpty());
        assertTrue(snapshot.waitedOnBy(null).isEmpty());
    }

    @Test
    void anIdleWorkerWaitsOnItsOwnEmptyQueue() {
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ThreadPoolExecutor pool = track(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread thread = new Thread(r, "idle-1");
                    workers.add(thread);
                    return thread;
                }));
        pool.prestartAllCoreThreads();
        await(() -> !workers.isEmpty() && LockSupport.getBlocker(workers.get(0)) != null);

        MailboxSnapshot snapshot = scan();
        Mailbox mailbox = named(snapshot, "idle");
        assertEquals(new Mailbox("idle", "executor", 0, null, ids(workers)), mailbox);
        assertEquals(Optional.of(mailbox), snapshot.waitedOnBy(workers.get(0)));
    }

    @Test
    void findsAScheduledPoolWhoseDelayedTasksNotYetDueAreScheduledNotBacklog() {
        ScheduledThreadPoolExecutor ticker = track(new ScheduledThreadPoolExecutor(2, named("ticker")));
        ticker.prestartAllCoreThreads();
        for (int i = 0; i < 3; i++) {
            ticker.schedule(() -> { }, 1, TimeUnit.HOURS);
        }

        Mailbox mailbox = named(scan(), "ticker");
        assertEquals("executor", mailbox.kind());
        assertEquals(0, mailbox.size());
        assertEquals(3, mailbox.scheduled());
        assertNull(mailbox.capacity());
        assertEquals(2, mailbox.ownerThreadIds().size());
    }

    @Test
    void countsTheOverdueTasksOfABusyScheduledPoolAsItsSize() {
        ScheduledThreadPoolExecutor ticker = track(new ScheduledThreadPoolExecutor(1, named("overdue")));
        ticker.execute(this::awaitGate); // its only thread is busy: what falls due waits
        await(() -> ticker.getActiveCount() == 1);
        for (int i = 0; i < 2_000; i++) {
            ticker.schedule(() -> { }, 1 + i % 50, TimeUnit.HOURS);
        }
        for (int i = 0; i < 7; i++) {
            ticker.schedule(() -> { }, i, TimeUnit.MILLISECONDS);
        }
        long since = System.nanoTime();
        await(() -> System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(30)); // the last of them, due at 6 ms

        Mailbox mailbox = named(scan(), "overdue");
        assertEquals(7, mailbox.size());
        assertEquals(2_000, mailbox.scheduled());
    }

    @Test
    void aScheduledPoolWithMoreDueTasksThanItLooksAtSaysItsSizeIsALowerBound() {
        ScheduledThreadPoolExecutor ticker = track(new ScheduledThreadPoolExecutor(1, named("flooded")));
        ticker.execute(this::awaitGate);
        await(() -> ticker.getActiveCount() == 1);
        for (int i = 0; i < DueTasks.MAX_LOOKED_AT + 500; i++) {
            ticker.schedule(() -> { }, 0, TimeUnit.MILLISECONDS);
        }

        MailboxSnapshot snapshot = scan();
        Mailbox mailbox = named(snapshot, "flooded");
        assertTrue(mailbox.size() >= DueTasks.MAX_LOOKED_AT / 2 && mailbox.size() <= DueTasks.MAX_LOOKED_AT, mailbox.toString());
        // the split covers the queue as it was read (the queue's own count, not the test's: under load the
        // worker may not have taken the gate task off the queue yet, and may take it between the two reads)
        int queued = ticker.getQueue().size();
        int split = mailbox.size() + mailbox.scheduled();
        assertTrue(split == queued || split == queued + 1, split + " split against " + queued + " queued");
        assertTrue(snapshot.note() != null && snapshot.note().contains("tasks of flooded are due"), snapshot.note());
    }

    @Test
    void findsAForkJoinPoolWithItsQueuedSubmissionsAndWorkers() {
        ForkJoinPool pool = track(new ForkJoinPool(2));
        List<Thread> workers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 2; i++) {
            pool.execute(() -> {
                workers.add(Thread.currentThread());
                awaitGate();
            });
        }
        await(() -> workers.size() == 2);
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> { });
        }

        MailboxSnapshot snapshot = scan();
        Mailbox mailbox = snapshot.servedBy(workers.get(0).getId()).orElseThrow();
        assertTrue(mailbox.name().matches("ForkJoinPool-\\d+-worker"), mailbox.name());
        assertEquals("fork_join", mailbox.kind());
        assertEquals(3, mailbox.size());
        assertNull(mailbox.capacity());
        assertEquals(ids(workers), mailbox.ownerThreadIds());
    }

    @Test
    void findsTheCommonPoolByItsName() {
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ForkJoinPool.commonPool().execute(() -> {
            workers.add(Thread.currentThread());
            awaitGate();
        });
        await(() -> !workers.isEmpty());

        MailboxSnapshot snapshot = scan();
        Mailbox mailbox = named(snapshot, "ForkJoinPool.commonPool");
        assertEquals("fork_join", mailbox.kind());
        assertTrue(mailbox.ownerThreadIds().contains(workers.get(0).getId()), mailbox.toString());
        assertEquals(Optional.of(mailbox), snapshot.servedBy(workers.get(0).getId()));
    }

    @Test
    void readsAMailboxTheAppRegisteredAsAnMXBean() throws Exception {
        Thread writer = start("audit-writer", this::awaitGate);
        beans.register("audit", new AppMailboxBeans.Queue(42, 1000, writer.getId()));

        MailboxSnapshot snapshot = scan();
        Mailbox mailbox = named(snapshot, "audit");
        assertEquals(new Mailbox("audit", "registered", 42, 1000, List.of(writer.getId())), mailbox);
        assertEquals(Optional.of(mailbox), snapshot.servedBy(writer.getId()));
        assertTrue(snapshot.waitedOnBy(writer).isEmpty(), "the agent never sees a registered queue's object");
    }

    @Test
    void findsARegisteredOwnerByThreadNameAndTakesANegativeCapacityAsUnbounded() throws Exception {
        Thread owner = start("metrics-flusher", this::awaitGate);
        beans.register("\"metrics, flushed\"", new AppMailboxBeans.NamedOwner(7, "metrics-flusher"));
        beans.register("orphan", new AppMailboxBeans.Queue(1, -1, 0));

        MailboxSnapshot snapshot = scan();
        assertEquals(new Mailbox("metrics, flushed", "registered", 7, null, List.of(owner.getId())),
                named(snapshot, "metrics, flushed"));
        assertEquals(new Mailbox("orphan", "registered", 1, null, List.of()), named(snapshot, "orphan"));
    }

    @Test
    void skipsABeanThatThrowsOrHasNoSizeWithANoteAndKeepsTheRest() throws Exception {
        beans.register("broken", new AppMailboxBeans.Broken());
        beans.register("sizeless", new AppMailboxBeans.Sizeless());
        beans.register("fine", new AppMailboxBeans.Queue(3, 10, 0));

        MailboxSnapshot snapshot = scan();
        List<String> names = snapshot.all().stream().map(Mailbox::name).toList();
        assertTrue(names.contains("fine") && !names.contains("broken") && !names.contains("sizeless"), names.toString());
        String note = snapshot.note();
        assertTrue(note.contains("dev.diag:type=Mailbox,name=broken was skipped (its Size threw IllegalStateException)"),
                note);
        assertTrue(note.contains("dev.diag:type=Mailbox,name=sizeless was skipped (it has no numeric Size attribute)"),
                note);
        assertTrue(note.endsWith("."), note);
    }

    @Test
    void givesTwoPoolsWithTheSameThreadNamesDistinctNames() {
        ThreadPoolExecutor a = track(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("twin")));
        ThreadPoolExecutor b = track(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("twin")));
        a.prestartAllCoreThreads();
        b.prestartAllCoreThreads();

        List<String> twins = scan().all().stream().map(Mailbox::name).filter(name -> name.startsWith("twin")).toList();
        assertEquals(2, twins.size(), twins.toString());
        assertNotEquals(twins.get(0), twins.get(1));
        twins.forEach(name -> assertTrue(name.matches("twin@[0-9a-f]+"), name));
    }

    @Test
    void namesAPoolWhoseThreadsShareNoPrefixAfterItsClass() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = track(new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> new Thread(r, n.incrementAndGet() == 1 ? "alpha" : "beta")));
        pool.prestartAllCoreThreads();

        String expected = "ThreadPoolExecutor@" + Integer.toHexString(System.identityHashCode(pool));
        assertEquals(2, named(scan(), expected).ownerThreadIds().size());
    }

    @Test
    void listsTheLargestMailboxFirst() throws Exception {
        beans.register("small", new AppMailboxBeans.Queue(1, -1, 0));
        beans.register("large", new AppMailboxBeans.Queue(900, -1, 0));
        beans.register("medium", new AppMailboxBeans.Queue(50, -1, 0));

        List<Mailbox> all = scan().all();
        assertEquals(all.stream().sorted(Comparator.comparingInt(Mailbox::size).reversed()).toList(), all);
        List<String> ours = all.stream().map(Mailbox::name).filter(List.of("small", "large", "medium")::contains).toList();
        assertEquals(List.of("large", "medium", "small"), ours);
    }

    @Test
    void unwrapsTasksNestedInTheFactorysOwnRunnablesAndSurvivesACycle() {
        ThreadPoolExecutor pool = track(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> new Thread(new Wrapper(new Wrapper(new Wrapper(r))), "deep-1")));
        pool.prestartAllCoreThreads();
        Loop loop = new Loop();
        Thread looping = new Thread(loop, "loop"); // never started: the finder takes any threads it is given

        MailboxSnapshot snapshot = finder.scan(Arrays.asList(null, looping));
        assertTrue(snapshot.all().stream().noneMatch(m -> m.name().equals("loop")));
        assertEquals(1, named(scan(), "deep").ownerThreadIds().size());
    }

    @Test
    void withoutOpenInternalsFindsForkJoinPoolsAndRegisteredMailboxesAndSaysWhatItMissed() throws Exception {
        MailboxFinder blind = new MailboxFinder(JdkInternals.withoutInstrumentation(), MailboxFinder.NOT_OPEN);
        ThreadPoolExecutor pool = track(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("unseen")));
        pool.prestartAllCoreThreads();
        ForkJoinPool forkJoin = track(new ForkJoinPool(1));
        List<Thread> workers = new CopyOnWriteArrayList<>();
        forkJoin.execute(() -> {
            workers.add(Thread.currentThread());
            awaitGate();
        });
        await(() -> !workers.isEmpty());
        beans.register("audit", new AppMailboxBeans.Queue(2, 10, 0));

        MailboxSnapshot snapshot = blind.scan(LiveThreads.byId().values());
        List<String> names = snapshot.all().stream().map(Mailbox::name).toList();
        assertFalse(names.contains("unseen"), names.toString());
        assertTrue(names.contains("audit"), names.toString());
        assertTrue(snapshot.servedBy(workers.get(0).getId()).isPresent());
        assertTrue(snapshot.note().startsWith("Thread-pool executors could not be found because the JDK's internals "
                + "are not open to diag (start the JVM with -javaagent:diag-agent.jar"), snapshot.note());
    }

    @Test
    void saysNothingWhenEverythingWasSeen() {
        assertNull(finder.scan(List.of(Thread.currentThread())).note());
        assertTrue(finder.scan(List.of()).all().stream().noneMatch(m -> m.kind().equals("executor")));
    }

    /** A factory's own wrapper, holding the task in a field typed Object. */
    private record Wrapper(Object inner) implements Runnable {
        @Override
        public void run() {
            ((Runnable) inner).run();
        }
    }

    private static final class Loop implements Runnable {
        private final Object self = this;

        @Override
        public void run() {
        }
    }

    // --- helpers

    private MailboxSnapshot scan() {
        return finder.scan(LiveThreads.byId().values());
    }

    private static Mailbox named(MailboxSnapshot snapshot, String name) {
        return snapshot.all().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no mailbox " + name + " in " + snapshot.all()
                        + "; note: " + snapshot.note()));
    }

    private <E extends ExecutorService> E track(E pool) {
        pools.add(pool);
        return pool;
    }

    private Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
        return thread;
    }

    private void awaitGate() {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static List<Long> ids(List<Thread> threads) {
        return threads.stream().map(Thread::getId).sorted().toList();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
            LockSupport.parkNanos(1_000_000);
        }
    }
}
