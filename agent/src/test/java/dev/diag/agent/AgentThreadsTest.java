package dev.diag.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.ThreadWindow;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agent's own threads are never ranked nor taken for the app's mailboxes; an app thread named "diag-…" is. */
class AgentThreadsTest {
    private final CountDownLatch gate = new CountDownLatch(1);
    private ThreadPoolExecutor agentPool;
    private ThreadPoolExecutor appPool;

    @AfterEach
    void release() throws InterruptedException {
        gate.countDown();
        for (ThreadPoolExecutor pool : new ThreadPoolExecutor[] {agentPool, appPool}) {
            if (pool != null) {
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void rankingsLeaveOutTheAgentsThreadsButNotAnAppThreadNamedLikeThem() throws InterruptedException {
        agentPool = pool(true, "diag-call-");
        appPool = pool(false, "diag-lookalike-");
        Await.until(() -> agentPool.getActiveCount() == 1 && appPool.getActiveCount() == 1, () -> "the pools did not start");
        long agentId = idOf("diag-call-1");
        long appId = idOf("diag-lookalike-1");

        long[] ranked = ThreadWindow.take().ids();

        assertFalse(Arrays.stream(ranked).anyMatch(id -> id == agentId), "the agent's call thread is not ranked");
        assertTrue(Arrays.stream(ranked).anyMatch(id -> id == appId), "an app thread named diag-… is ranked");
        assertTrue(AgentThreads.isAgents(LiveThreads.byId().get(agentId)));
    }

    @Test
    void theAgentsCallPoolIsNoMailboxOfTheApp() throws InterruptedException {
        agentPool = pool(true, "diag-call-");
        appPool = pool(false, "diag-lookalike-");
        agentPool.execute(() -> { });
        appPool.execute(() -> { });
        Await.until(() -> agentPool.getActiveCount() == 1 && appPool.getActiveCount() == 1, () -> "the pools did not start");

        List<Mailbox> boxes = new MailboxFinder(JdkInternals.withoutInstrumentation()).scan(LiveThreads.byId().values()).all();

        assertEquals(List.of(), boxes.stream().filter(b -> b.name().startsWith("diag-call")).toList());
        assertEquals(1, boxes.stream().filter(b -> b.name().startsWith("diag-lookalike")).count(), boxes.toString());
    }

    /** A one-thread pool whose worker waits on the gate; agent's or app's by its thread factory. */
    private ThreadPoolExecutor pool(boolean agents, String prefix) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8),
                r -> agents ? AgentThreads.newThread(r, prefix + n.incrementAndGet())
                        : new Thread(r, prefix + n.incrementAndGet()));
        pool.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return pool;
    }

    private static long idOf(String name) {
        return LiveThreads.byId().values().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name)).getId();
    }
}
