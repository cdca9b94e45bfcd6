package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.agent.Await;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ProcessFacts;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.protocol.message.ChunkWriter;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import java.io.ByteArrayOutputStream;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * backtraces()' rows written straight into a chunk are byte for byte the chunk the shell got
 * before, when each row was a Backtrace record of StackFrames turned into a JSON tree: the wire
 * did not change. The rows are this JVM's own threads, among them ones that hold monitors in
 * several frames, one blocked on a monitor another holds, one holding a ReentrantLock, an idle pool
 * worker waiting on its unbounded mailbox, a producer waiting to put into a full bounded one, and
 * a name that needs escaping.
 */
class BacktraceWriterTest {
    private final Object outer = new Object();
    private final Object inner = new Object();
    private final ReentrantLock reentrant = new ReentrantLock();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Thread> started = new ArrayList<>();
    private final List<ThreadPoolExecutor> pools = new ArrayList<>();

    @AfterEach
    void release() throws Exception {
        gate.countDown();
        for (ThreadPoolExecutor pool : pools) {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS); // the next test's pools take the same names
        }
        for (Thread thread : started) {
            thread.join(5_000);
        }
    }

    @Test
    void writesEveryThreadsRowAsItsRecordsTreeWasWritten() throws Exception {
        setUpThreads();
        assertSameRows(false);
    }

    @Test
    void writesHeldSynchronizersAsTheRecordsTreeDidWhereTheyAreLookedFor() throws Exception {
        setUpThreads();
        assertSameRows(true);
    }

    private void assertSameRows(boolean synchronizers) throws Exception {
        long[] ids = ThreadTable.bean().getAllThreadIds();
        Arrays.sort(ids);
        Thread[] threads = LiveThreads.sortedById();
        MailboxSnapshot boxes = new MailboxFinder(JdkInternals.withoutInstrumentation()).scan(Arrays.asList(threads));
        ThreadInfo[] infos = ThreadTable.bean().getThreadInfo(ids, true, synchronizers);

        List<JsonNode> trees = new ArrayList<>();
        for (ThreadInfo info : infos) {
            if (info != null) {
                trees.add(Json.mapper().valueToTree(ProcessFacts.backtrace(info, LiveThreads.find(threads, info.getThreadId()),
                        boxes, id -> LiveThreads.find(threads, id), synchronizers)));
            }
        }
        byte[] oldPath = MessageCodec.encode(new Message.Chunk(3, trees));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkWriter.write(out, 3, json -> {
            for (ThreadInfo info : infos) {
                if (info != null) {
                    StackTraceElement[] stack = info.getStackTrace();
                    Thread thread = LiveThreads.find(threads, info.getThreadId());
                    Mailbox waitedOn = thread == null ? null : boxes.waitedOnBy(thread, stack).orElse(null);
                    BacktraceWriter.write(json, info, stack, waitedOn, threads,
                            synchronizers ? info.getLockedSynchronizers() : null);
                }
            }
        });

        String expected = new String(oldPath, StandardCharsets.UTF_8);
        // the threads set up are in it: the comparison covers every field that can be written
        for (String part : List.of("\"waitingOnOwner\"", "\"lockedMonitors\":[{", "\"mailboxSize\":2,\"mailboxCapacity\":2",
                "\"waitsForMailbox\":\"unbounded\"", "\\\"quoted\\\"")) {
            assertTrue(expected.contains(part), part);
        }
        if (synchronizers) {
            assertTrue(expected.contains("\"lockedSynchronizers\":[{"));
        }
        assertEquals(expected, new String(out.toByteArray(), StandardCharsets.UTF_8));
    }

    /** Threads in each situation a backtrace row tells apart, each in place before it returns. */
    private void setUpThreads() throws InterruptedException {
        Thread holder = start("holder \"quoted\" é 日本", () -> {
            reentrant.lock();
            try {
                holdBoth();
            } finally {
                reentrant.unlock();
            }
        });
        Await.state(holder, Thread.State.TIMED_WAITING);
        Thread blocked = start("blocked", () -> {
            synchronized (outer) {
                Thread.onSpinWait();
            }
        });
        Await.state(blocked, Thread.State.BLOCKED);
        idleWorker("unbounded", new LinkedBlockingQueue<>());
        producerBlockedOnAFullQueue();
    }

    /** A producer waiting in put on a full mailbox of 2: size and capacity both 2. */
    private void producerBlockedOnAFullQueue() throws InterruptedException {
        ThreadPoolExecutor logger = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2),
                r -> new Thread(r, "bounded-1"), (r, executor) -> {
                    try {
                        executor.getQueue().put(r); // block the caller, as a log appender's "wait" policy does
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        pools.add(logger);
        logger.execute(this::awaitGate);
        logger.execute(() -> { });
        logger.execute(() -> { });
        Thread producer = start("producer", () -> logger.execute(() -> { }));
        Await.until(() -> LockSupport.getBlocker(producer) != null, () -> "the producer did not park in put");
    }

    private void holdBoth() {
        synchronized (outer) {
            holdInner();
        }
    }

    private void holdInner() {
        synchronized (inner) {
            awaitGate();
        }
    }

    private void idleWorker(String name, BlockingQueue<Runnable> queue) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, queue, r -> {
            Thread thread = new Thread(r, name + "-1");
            synchronized (workers) {
                workers.add(thread);
            }
            return thread;
        });
        pools.add(pool);
        pool.prestartAllCoreThreads();
        Await.until(() -> {
            synchronized (workers) {
                return !workers.isEmpty() && LockSupport.getBlocker(workers.get(0)) != null;
            }
        }, () -> name + "'s worker did not park");
    }

    /** A thread of this test, ended by release(). */
    private Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        started.add(thread);
        thread.start();
        return thread;
    }

    /** Parks until release() opens the gate (or the test JVM's 10 s are up). */
    private void awaitGate() {
        try {
            gate.await(Await.SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
