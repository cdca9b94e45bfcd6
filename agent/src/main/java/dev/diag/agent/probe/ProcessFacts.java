package dev.diag.agent.probe;

import dev.diag.protocol.result.Backtrace;
import dev.diag.protocol.result.Links;
import dev.diag.protocol.result.LockRef;
import dev.diag.protocol.result.ProcessInfo;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.StackFrame;
import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * What {@code process_info} tells about one thread, built from the cheapest call that answers
 * each part: a thread's default items and links need no stack at all; its current function one
 * batch of {@link TopFrames#DEPTH} frames; a backtrace the whole stack with the locks it holds.
 */
public final class ProcessFacts {
    private final JdkInternals internals;
    private final MailboxFinder mailboxes;

    public ProcessFacts(JdkInternals internals) {
        this.internals = internals;
        this.mailboxes = new MailboxFinder(internals);
    }

    /** A live thread: its facts and its Thread object (null for a thread outside any group). */
    public record Live(ThreadTable.Entry entry, Thread thread) {
    }

    /** The thread with id {@code pid}, or empty when none lives. */
    public Optional<Live> find(long pid) {
        ThreadTable.Entry entry = ThreadTable.one(pid);
        return entry == null ? Optional.empty() : Optional.of(new Live(entry, LiveThreads.byId().get(pid)));
    }

    public MailboxSnapshot mailboxes() {
        return mailboxes.scan(LiveThreads.byId().values());
    }

    public ProcessInfo info(Live live) {
        ThreadInfo info = live.entry().info();
        Thread thread = live.thread();
        Optional<Mailbox> mailbox = mailboxes().servedBy(live.entry().id());
        return new ProcessInfo(live.entry().id(), info.getThreadName(), info.getThreadState().name(),
                initialCall(live), currentFunction(live.entry().id()),
                mailbox.map(Mailbox::size).orElse(null), mailbox.map(Mailbox::name).orElse(null),
                live.entry().allocatedBytes(), live.entry().cpuNanos(), info.getPriority(), groupLeader(live),
                info.isDaemon());
    }

    /** The class whose run() the thread started in; null when its Thread object is out of reach. */
    public String initialCall(Live live) {
        return live.thread() == null ? null : ThreadTasks.initialCall(live.thread(), internals);
    }

    /** The thread's group, the nearest thing to Erlang's group leader. */
    public String groupLeader(Live live) {
        ThreadGroup group = live.thread() == null ? null : live.thread().getThreadGroup();
        return group == null ? null : group.getName();
    }

    /** {@code Class.method(File.java:line)} of the first frame that is not lock plumbing; null if none. */
    public String currentFunction(long pid) {
        StackTraceElement frame = TopFrames.of(new long[] {pid}).get(pid);
        return frame == null ? null : TopFrames.longName(frame);
    }

    public List<StackFrame> stack(long pid) {
        ThreadInfo info = ThreadTable.bean().getThreadInfo(new long[] {pid}, true, false)[0];
        return info == null ? null : frames(info.getStackTrace(), info.getLockedMonitors());
    }

    /**
     * The whole stack with the monitors held in each frame, the lock waited for and its owner, and
     * for a thread parked on a mailbox's queue, the mailbox and who drains it. Held
     * java.util.concurrent locks are found by the JVM walking the heap inside the pause, so they
     * are looked for only where the JVM supports it.
     */
    public Backtrace backtrace(Live live) {
        long pid = live.entry().id();
        boolean synchronizers = ThreadTable.bean().isSynchronizerUsageSupported();
        ThreadInfo info = ThreadTable.bean().getThreadInfo(new long[] {pid}, true, synchronizers)[0];
        if (info == null) {
            return null;
        }
        Map<Long, Thread> threads = LiveThreads.byId();
        return backtrace(info, live.thread(), mailboxes.scan(threads.values()), threads::get, synchronizers);
    }

    /**
     * A backtrace from a ThreadInfo taken with locked monitors (and, if {@code synchronizers},
     * locked synchronizers), with the mailbox its thread is parked on from {@code mailboxes}.
     */
    public static Backtrace backtrace(ThreadInfo info, Thread thread, MailboxSnapshot mailboxes,
            LongFunction<Thread> threads, boolean synchronizers) {
        StackTraceElement[] stack = info.getStackTrace(); // a copy each time it is asked for: once
        Optional<Mailbox> waitedOn = thread == null ? Optional.empty() : mailboxes.waitedOnBy(thread, stack);
        return new Backtrace(info.getThreadId(), info.getThreadName(), info.getThreadState().name(),
                frames(stack, info.getLockedMonitors()),
                lock(info.getLockInfo()), owner(info),
                waitedOn.map(Mailbox::name).orElse(null),
                waitedOn.map(m -> refs(m.ownerThreadIds(), threads)).orElse(null),
                synchronizers ? locks(info.getLockedSynchronizers()) : null,
                waitedOn.map(Mailbox::size).orElse(null), waitedOn.map(Mailbox::capacity).orElse(null));
    }

    /** The wait-for graph around one thread, from every thread's lock facts (no stacks). */
    public Links links(Live live) {
        long pid = live.entry().id();
        List<ProcessRef> waiters = new ArrayList<>();
        for (ThreadTable.Entry other : ThreadTable.take().entries()) {
            if (other.info().getLockOwnerId() == pid) {
                waiters.add(new ProcessRef(other.id(), other.info().getThreadName()));
            }
        }
        ThreadInfo info = live.entry().info();
        // a queue's condition has no owner, but the mailbox it belongs to has drainers: name them
        Map<Long, Thread> threads = LiveThreads.byId();
        Optional<Mailbox> waitedOn = live.thread() == null || info.getLockInfo() == null ? Optional.empty()
                : mailboxes.scan(threads.values()).waitedOnBy(live.thread());
        return new Links(pid, lock(info.getLockInfo()), owner(info), waiters, waitedOn.map(Mailbox::name).orElse(null),
                waitedOn.map(m -> refs(m.ownerThreadIds(), threads::get)).orElse(null));
    }

    /**
     * Each frame with the monitors locked in it; a frame that holds none (nearly all) shares the one
     * empty list. backtraces() writes the same rows without these records (BacktraceWriter).
     */
    private static List<StackFrame> frames(StackTraceElement[] stack, MonitorInfo[] monitors) {
        List<StackFrame> frames = new ArrayList<>(stack.length);
        for (int i = 0; i < stack.length; i++) {
            frames.add(frame(stack[i], lockedAt(monitors, i)));
        }
        return frames;
    }

    private static List<LockRef> lockedAt(MonitorInfo[] monitors, int depth) {
        List<LockRef> held = null;
        for (MonitorInfo monitor : monitors) {
            if (monitor.getLockedStackDepth() == depth) {
                if (held == null) {
                    held = new ArrayList<>(1);
                }
                held.add(lock(monitor));
            }
        }
        return held == null ? List.of() : List.copyOf(held);
    }

    static StackFrame frame(StackTraceElement e, List<LockRef> lockedMonitors) {
        return new StackFrame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber(),
                e.isNativeMethod(), lockedMonitors);
    }

    private static ProcessRef owner(ThreadInfo info) {
        return info.getLockOwnerId() < 0 ? null : new ProcessRef(info.getLockOwnerId(), info.getLockOwnerName());
    }

    static LockRef lock(LockInfo lock) {
        return lock == null ? null : new LockRef(lock.getClassName(), lock.getIdentityHashCode());
    }

    private static List<LockRef> locks(LockInfo[] locks) {
        List<LockRef> refs = new ArrayList<>(locks.length);
        for (LockInfo lock : locks) {
            refs.add(lock(lock));
        }
        return refs;
    }

    private static List<ProcessRef> refs(List<Long> ids, LongFunction<Thread> threads) {
        List<ProcessRef> refs = new ArrayList<>(ids.size());
        for (long id : ids) {
            Thread t = threads.apply(id);
            refs.add(new ProcessRef(id, t == null ? null : t.getName()));
        }
        return refs;
    }
}
