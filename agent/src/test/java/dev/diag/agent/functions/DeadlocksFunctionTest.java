package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.Await;
import dev.diag.protocol.result.Deadlocks;
import dev.diag.protocol.result.LockWait;
import dev.diag.protocol.result.ProcessRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** deadlocks() in this JVM, on a real deadlock of interruptible locks that the test breaks afterwards. */
class DeadlocksFunctionTest {
    private final DeadlocksFunction deadlocks = new DeadlocksFunction();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void breakTheDeadlock() throws InterruptedException {
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    @Test
    void findsNoneWhereNoThreadWaitsForAnother() {
        Deadlocks result = (Deadlocks) deadlocks.call(new Args("deadlocks", List.of()), OneShotContext.INSTANCE);
        assertEquals(List.of(), result.deadlocks());
    }

    @Test
    void findsTwoThreadsEachWaitingForTheOthersReentrantLock() throws Exception {
        ReentrantLock first = new ReentrantLock();
        ReentrantLock second = new ReentrantLock();
        CountDownLatch bothHold = new CountDownLatch(2);
        Thread a = start("dl-a", first, second, bothHold);
        Thread b = start("dl-b", second, first, bothHold);
        // WAITING alone may be the latch still: wait until each is queued on the other's lock
        Await.until(() -> second.hasQueuedThread(a) && first.hasQueuedThread(b),
                () -> "dl-a and dl-b queued on each other's lock");

        Deadlocks result = (Deadlocks) deadlocks.call(new Args("deadlocks", List.of()), OneShotContext.INSTANCE);

        assertEquals(1, result.deadlocks().size(), result.toString());
        List<LockWait> cycle = result.deadlocks().get(0).cycle();
        assertEquals(List.of(a.getId(), b.getId()), cycle.stream().map(LockWait::pid).toList());
        assertEquals(new ProcessRef(b.getId(), "dl-b"), cycle.get(0).heldBy());
        assertEquals(new ProcessRef(a.getId(), "dl-a"), cycle.get(1).heldBy());
        assertEquals(System.identityHashCode(readSync(second)), cycle.get(0).lock().identityHashCode());
        assertEquals(LockWait.SYNCHRONIZER, cycle.get(0).kind());
        assertTrue(cycle.get(0).at().method().startsWith("lambda$start$"), cycle.get(0).at().toString());
    }

    private Thread start(String name, ReentrantLock own, ReentrantLock next, CountDownLatch bothHold) {
        Thread thread = new Thread(() -> {
            own.lock();
            try {
                bothHold.countDown();
                bothHold.await();
                next.lockInterruptibly();
            } catch (InterruptedException e) {
                // the test is over
            } finally {
                own.unlock();
            }
        }, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** The AQS object the JVM names as the lock: ReentrantLock's private {@code sync}. */
    private static Object readSync(ReentrantLock lock) throws ReflectiveOperationException {
        java.lang.reflect.Field sync = ReentrantLock.class.getDeclaredField("sync");
        sync.setAccessible(true);
        return sync.get(lock);
    }
}
