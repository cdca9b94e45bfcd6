package dev.diag.agent.probe.frameworks;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.MailboxCandidate;
import dev.diag.agent.probe.Queues;
import java.util.List;
import java.util.Queue;

/**
 * The app's Netty 4.1 and 4.2 event loops: every {@code SingleThreadEventExecutor} (NioEventLoop,
 * EpollEventLoop, DefaultEventExecutor, ...) is drained by one thread, started with the loop's
 * own runnable ({@code SingleThreadEventExecutor$N.this$0}), which Netty wraps in
 * {@code ThreadExecutorMap$2} ({@code val$eventExecutor}) and {@code FastThreadLocalRunnable}
 * ({@code runnable}); the loop's {@code thread} field names that thread back, which is checked.
 * The mailbox is the loop's {@code taskQueue} plus, for an event loop, its {@code tailTasks},
 * named after the thread ("nioEventLoopGroup-2-1"), kind "netty". Scheduled tasks not yet due
 * are not backlog and are left out. {@code pendingTasks()} is not called: some 4.1 versions of
 * NioEventLoop answer it by submitting a task to the loop and waiting, which a busy loop never runs.
 *
 * <p>Only classes named {@code io.netty.*} are recognised, so the agent's own relocated Netty
 * (its "diag-io" loop) is never the app's. Read from Netty 4.1.118 and 4.2.18 (the same fields;
 * 4.2's NioEventLoopGroup runs SingleThreadIoEventLoops, still SingleThreadEventExecutors);
 * cost: at most four field reads per Netty thread, two size() calls per loop.
 */
final class NettyEventLoops implements FrameworkQueues {
    static final String KIND = "netty";
    // Built at run time: the agent jar's shading rewrites every string constant that starts with
    // the Netty package to its relocated one, which would make this adapter read the agent's own loop.
    private static final String NETTY = String.join(".", "io", "netty", "");
    private static final String EXECUTOR = NETTY + "util.concurrent.SingleThreadEventExecutor";
    private static final String EXECUTOR_RUNNABLE = EXECUTOR + "$";
    private static final String WRAPPER = NETTY + "util.concurrent.FastThreadLocalRunnable";
    private static final String MAPPED = NETTY + "util.internal.ThreadExecutorMap$2";
    private static final int UNWRAP_DEPTH = 3;

    private final JdkInternals internals;

    NettyEventLoops(JdkInternals internals) {
        this.internals = internals;
    }

    @Override
    public String framework() {
        return "Netty event loops";
    }

    @Override
    public Object holderOf(Thread thread, Object task) {
        Object current = task;
        for (int depth = 0; depth <= UNWRAP_DEPTH && current != null; depth++) {
            String name = current.getClass().getName();
            if (!name.startsWith(NETTY)) {
                return null; // also the agent's relocated Netty: dev.diag.agent.shaded.io.netty...
            }
            if (name.equals(WRAPPER)) {
                current = internals.read(current, "runnable").orElse(null);
            } else if (name.equals(MAPPED)) {
                Object executor = internals.read(current, "val$eventExecutor").orElse(null);
                return isLoopOf(executor, thread) ? executor : null;
            } else if (name.startsWith(EXECUTOR_RUNNABLE)) {
                Object executor = internals.read(current, "this$0").orElse(null);
                return isLoopOf(executor, thread) ? executor : null;
            } else {
                return null;
            }
        }
        return null;
    }

    /** True when {@code executor} is a SingleThreadEventExecutor whose thread is {@code thread}. */
    private boolean isLoopOf(Object executor, Thread thread) {
        if (executor == null) {
            return false;
        }
        for (Class<?> c = executor.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(EXECUTOR)) {
                return internals.read(executor, "thread").orElse(null) == thread;
            }
        }
        return false;
    }

    @Override
    public List<MailboxCandidate> mailboxes(Object loop, List<Thread> workers) throws ReflectiveOperationException {
        if (!(internals.read(loop, "taskQueue").orElse(null) instanceof Queue<?> tasks)) {
            throw new NoSuchFieldException("taskQueue");
        }
        int size = tasks.size();
        if (internals.read(loop, "tailTasks").orElse(null) instanceof Queue<?> tail) {
            size = MailboxCandidate.saturated((long) size + tail.size());
        }
        String name = workers.isEmpty() ? "netty" : workers.get(0).getName();
        return List.of(new MailboxCandidate(name, KIND, size, Queues.capacity(tasks, size, internals),
                Queues.ids(workers), loop, Queues.conditions(tasks, internals)));
    }
}
