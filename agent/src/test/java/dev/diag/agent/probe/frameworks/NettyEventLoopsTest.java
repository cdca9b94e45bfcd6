package dev.diag.agent.probe.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real Netty (unrelocated here: the agent's tests see io.netty itself), its loops blocked by
 * a task with more waiting: each loop's pending tasks are its thread's mailbox, kind netty.
 */
class NettyEventLoopsTest {
    private final MailboxFinder finder = new MailboxFinder(JdkInternals.withoutInstrumentation());
    private final CountDownLatch gate = new CountDownLatch(1);
    private NioEventLoopGroup group;
    private DefaultEventExecutor executor;

    @AfterEach
    void release() throws Exception {
        gate.countDown();
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
        if (executor != null) {
            executor.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBlockedEventLoopsPendingTasksAreItsThreadsMailboxNamedAfterIt() throws Exception {
        group = new NioEventLoopGroup(1, new DefaultThreadFactory("edge-loop"));
        Thread loop = blockWithTasks(group.next(), 100);

        Mailbox mailbox = mailboxOf(loop, finder.scan(Thread.getAllStackTraces().keySet()));
        assertEquals(new Mailbox(loop.getName(), "netty", 100, null, List.of(loop.getId())), mailbox);
    }

    @Test
    void aDefaultEventExecutorsQueueIsItsThreadsMailboxToo() throws Exception {
        executor = new DefaultEventExecutor(new DefaultThreadFactory("edge-executor"));
        Thread thread = blockWithTasks(executor, 7);

        Mailbox mailbox = mailboxOf(thread, finder.scan(Thread.getAllStackTraces().keySet()));
        assertEquals("netty", mailbox.kind());
        assertEquals(7, mailbox.size());
        assertNull(mailbox.capacity(), "Netty's default queue is unbounded");
    }

    /** Starts {@code loop} on a task that waits for the gate, then queues {@code more} tasks behind it. */
    private Thread blockWithTasks(EventExecutor loop, int more) throws InterruptedException {
        AtomicReference<Thread> thread = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(1);
        loop.execute(() -> {
            thread.set(Thread.currentThread());
            running.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < more; i++) {
            loop.execute(() -> { });
        }
        return thread.get();
    }

    private static Mailbox mailboxOf(Thread thread, MailboxSnapshot snapshot) {
        Mailbox served = snapshot.servedBy(thread.getId()).orElseThrow(() -> new AssertionError(snapshot.all()));
        assertEquals(1, snapshot.all().stream().filter(m -> m.ownerThreadIds().contains(thread.getId())).count());
        return served;
    }

    @Test
    void aThreadThatIsNoEventLoopIsNotClaimed() {
        assertNull(new NettyEventLoops(JdkInternals.withoutInstrumentation()).holderOf(Thread.currentThread(),
                (Runnable) () -> { }));
    }
}
