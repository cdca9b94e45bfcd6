package dev.diag.agent.server;

import dev.diag.agent.AgentThreads;
import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.EventLoopTaskQueueFactory;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutorChooserFactory;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.RejectedExecutionHandlers;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import java.nio.channels.spi.SelectorProvider;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;

/**
 * The agent's one I/O thread, "diag-io": a single Netty NIO event loop whose task queues are the
 * JDK's {@link ConcurrentLinkedQueue}.
 *
 * <p>Netty's own choice is a JCTools chunked MPSC array queue, twice (tasks and tail tasks): a
 * hierarchy of padding and field classes (about 30 more classes in the target's Metaspace, and
 * their bytes read at start) built for loops that hand over millions of tasks a second. This loop
 * hands over a few per call; a linked queue that the JDK has already loaded does that as well. The
 * queue is unbounded as Netty's default is: what limits work here is the connection gate and the
 * call slots, not the loop's queue.
 *
 * <pre>
 * EventLoopGroup group = IoLoop.create();   // starts no thread until the first task (bind)
 * </pre>
 */
final class IoLoop {
    static final String THREAD_NAME = "diag-io";

    private static final EventLoopTaskQueueFactory LINKED_QUEUES = new LinkedQueues();

    private IoLoop() {
    }

    static EventLoopGroup create() {
        ThreadPerTaskExecutor executor = new ThreadPerTaskExecutor(new IoThreads());
        return new NioEventLoopGroup(1, executor, DefaultEventExecutorChooserFactory.INSTANCE,
                SelectorProvider.provider(), DefaultSelectStrategyFactory.INSTANCE, RejectedExecutionHandlers.reject(),
                LINKED_QUEUES, LINKED_QUEUES);
    }

    // Small classes rather than lambdas: a lambda is linked, a hidden class spun, on its first use,
    // and both are first used as the agent starts, idle.

    /** The loop's task queues: the JDK's linked queue, unbounded (see above). */
    private static final class LinkedQueues implements EventLoopTaskQueueFactory {
        @Override
        public Queue<Runnable> newTaskQueue(int maxPendingTasks) {
            return new ConcurrentLinkedQueue<>();
        }
    }

    /** The loop's one thread, daemon, in the agent's group, so rankings and mailboxes leave it out (AgentThreads). */
    private static final class IoThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new FastThreadLocalThread(AgentThreads.group(), runnable, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        }
    }
}
