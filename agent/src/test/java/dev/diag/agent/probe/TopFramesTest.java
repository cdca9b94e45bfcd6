package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.Await;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The frames i() asks for on JDK 17: as few as each thread's state and park blocker say it needs,
 * and still enough to get past the plumbing to the function it waits in.
 */
class TopFramesTest {
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Object monitor = new Object();
    private volatile boolean stop;
    private volatile long spun;

    @AfterEach
    void stopTheThreads() throws InterruptedException {
        stop = true;
        release.countDown();
        for (Thread thread : threads) {
            thread.interrupt();
            LockSupport.unpark(thread);
            Await.ended(thread);
        }
    }

    @Test
    void eachWaitShowsItsFunctionWithTheFramesItsStateAndBlockerAskFor() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        ArrayBlockingQueue<Integer> full = new ArrayBlockingQueue<>(1);
        full.add(0);
        Thread parked = start(this::parkWithoutBlocker, Thread.State.WAITING);
        Thread waiting = start(this::waitOnMonitor, Thread.State.WAITING);
        Thread sleeping = start(TopFramesTest::sleepLong, Thread.State.TIMED_WAITING);
        Thread putting = start(() -> put(full), Thread.State.WAITING);
        Thread latched = start(this::awaitRelease, Thread.State.WAITING);
        Thread spinning = start(this::spin, Thread.State.RUNNABLE);
        Thread locking;
        Thread blocked;
        lock.lock();
        try {
            locking = start(lock::lock, Thread.State.WAITING);
            synchronized (monitor) {
                blocked = start(this::enter, Thread.State.BLOCKED);

                assertEquals("TopFramesTest.parkWithoutBlocker", function(parked));
                assertEquals("TopFramesTest.waitOnMonitor", function(waiting));
                assertEquals("Thread.sleep", function(sleeping));
                assertEquals("ArrayBlockingQueue.put", function(putting));
                assertEquals("CountDownLatch.await", function(latched));
                assertEquals("ReentrantLock.lock", function(locking));
                assertEquals("TopFramesTest.enter", function(blocked));
                assertEquals("TopFramesTest.spin", function(spinning));
            }
        } finally {
            lock.unlock();
        }
    }

    @Test
    void threadsWaitingWithoutABlockerNeedFewFramesAndThoseWaitingThroughALockAllOfThem() throws Exception {
        Thread parked = start(this::parkWithoutBlocker, Thread.State.WAITING);
        Thread sleeping = start(TopFramesTest::sleepLong, Thread.State.TIMED_WAITING);
        Thread latched = start(this::awaitRelease, Thread.State.WAITING);
        Thread spinning = start(this::spin, Thread.State.RUNNABLE);

        assertEquals(TopFrames.SHALLOW, TopFrames.depthFor(parked));
        assertEquals(TopFrames.SHALLOW, TopFrames.depthFor(sleeping));
        assertEquals(TopFrames.DEPTH, TopFrames.depthFor(latched));
        assertEquals(1, TopFrames.depthFor(spinning));
        Thread[] sorted = LiveThreads.sortedById();
        assertEquals(TopFrames.SHALLOW, TopFrames.depthFor(sorted, ids(parked, sleeping, spinning), 0, 3),
                "a batch asks for what its neediest thread needs");
        assertEquals(TopFrames.DEPTH, TopFrames.depthFor(sorted, ids(parked, latched, spinning), 0, 3));
        assertEquals(TopFrames.DEPTH, TopFrames.depthFor(sorted, new long[] {Long.MAX_VALUE}, 0, 1),
                "a pid with no Thread to look at gets every frame");
    }

    @Test
    void aStackThatIsAllPlumbingAsDeepAsAskedIsCutShortAndAWholeOneIsNot() throws Exception {
        Thread latched = start(this::awaitRelease, Thread.State.WAITING);
        Thread parked = start(this::parkWithoutBlocker, Thread.State.WAITING);

        StackTraceElement[] cut = stack(latched, TopFrames.SHALLOW);
        assertTrue(TopFrames.cutShort(cut, TopFrames.SHALLOW), "a latch waits below three frames of plumbing");
        assertEquals("Unsafe.park", TopFrames.shortName(TopFrames.interesting(cut)), "what such a row would show");
        assertFalse(TopFrames.cutShort(stack(latched, TopFrames.DEPTH), TopFrames.DEPTH), "at full depth: never taken again");
        assertFalse(TopFrames.cutShort(stack(parked, TopFrames.SHALLOW), TopFrames.SHALLOW));
        assertFalse(TopFrames.cutShort(new StackTraceElement[] {
            new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2)}, TopFrames.SHALLOW),
                "a whole stack shorter than asked has nothing further down");
    }

    @Test
    void readsAThreadInfosOwnFramesWithoutTheCopyWhereJavaLangManagementIsOpen() throws Exception {
        Thread parked = start(this::parkWithoutBlocker, Thread.State.WAITING);
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(parked.getId(), TopFrames.DEPTH);
        JdkInternals internals = JdkInternals.withoutInstrumentation(); // the tests' JVM opens the package

        StackTraceElement[] frames = TopFrames.frames(info, internals);

        assertArrayEquals(info.getStackTrace(), frames);
        assertSame(frames, TopFrames.frames(info, internals), "the same array each time: no copy made");
    }

    private static String function(Thread thread) {
        return TopFrames.shortName(TopFrames.interesting(stack(thread, TopFrames.depthFor(thread))));
    }

    private static StackTraceElement[] stack(Thread thread, int depth) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId(), depth);
        return info.getStackTrace();
    }

    private static long[] ids(Thread... of) {
        long[] ids = new long[of.length];
        for (int i = 0; i < of.length; i++) {
            ids[i] = of[i].getId();
        }
        java.util.Arrays.sort(ids);
        return ids;
    }

    private Thread start(Runnable body, Thread.State state) throws InterruptedException {
        Thread thread = new Thread(body, "top-frames-test-" + threads.size());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        Await.state(thread, state);
        return thread;
    }

    private void parkWithoutBlocker() {
        while (!stop) {
            LockSupport.park();
        }
    }

    private void waitOnMonitor() {
        synchronized (monitor) {
            try {
                monitor.wait();
            } catch (InterruptedException e) {
                // the test is over
            }
        }
    }

    private void enter() {
        synchronized (monitor) {
            Thread.onSpinWait(); // in at last: the test let go
        }
    }

    private void spin() {
        long turns = 0;
        while (!stop) {
            turns++; // no call: the top frame is this method's own
        }
        spun = turns; // keeps the loop from being thrown away
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            // the test is over
        }
    }

    private static void put(ArrayBlockingQueue<Integer> full) {
        try {
            full.put(1);
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
}
