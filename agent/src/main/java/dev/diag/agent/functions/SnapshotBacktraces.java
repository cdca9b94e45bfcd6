package dev.diag.agent.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ThreadTable;
import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/**
 * backtraces() on JDK 25+: each thread's row from its own {@link ThreadSnapshots snapshot}, a
 * handshake with that thread alone, so the JVM never stops every thread (no global safepoint). The
 * rows are those a ThreadInfo gives (the same writer, the same fields), in thread id order, a chunk
 * per {@value Backtraces#ROWS_PER_CHUNK} threads.
 *
 * <p>A snapshot names the monitor a thread waits to enter or waits on in Object.wait(), not who
 * holds it: that is read from the thread's ThreadInfo without a stack ({@code getThreadInfo(ids,
 * 0)}: no pause, as {@link ThreadTable} uses it), taken just after the snapshot and used only
 * while it still waits for the same monitor. So no other thread's snapshot is kept for it (taking
 * snapshots ahead to find a holder kept, at worst, every thread's stack and lock objects at once),
 * and a thread inside Object.wait() on a monitor is never named its holder. A
 * java.util.concurrent lock's holder is read from the lock itself, as the JVM does for
 * ThreadInfo. Per call: one snapshot and a chunk's rows at a time; no record per thread.
 */
final class SnapshotBacktraces {
    private final ThreadSnapshots snapshots;
    private final JdkInternals internals;
    private final Thread[] threads;

    /** {@code threads}: the live threads sorted by id. */
    SnapshotBacktraces(ThreadSnapshots snapshots, JdkInternals internals, Thread[] threads) {
        this.snapshots = snapshots;
        this.internals = internals;
        this.threads = threads;
    }

    /** Emits every thread's row, a chunk per batch; the number of rows sent. */
    int emitAll(MailboxSnapshot boxes, CallContext context) throws ReflectiveOperationException {
        int sent = 0;
        for (int from = 0; from < threads.length && !context.cancelled(); from += Backtraces.ROWS_PER_CHUNK) {
            int to = Math.min(threads.length, from + Backtraces.ROWS_PER_CHUNK);
            Rows rows = new Rows(to - from);
            for (int at = from; at < to; at++) {
                Object snapshot = snapshots.take(threads[at]);
                if (snapshot != null) { // null: ended since the threads were listed
                    rows.add(threads[at], snapshot, boxes);
                }
            }
            context.emit(rows::write);
            sent += rows.size;
        }
        return sent;
    }

    /**
     * Who holds what {@code thread} waits for in {@code snapshot} (as a ThreadInfo's lock owner),
     * or null. For a monitor (being entered, or waited on in Object.wait()): its ThreadInfo's
     * owner, if that ThreadInfo still waits for the same monitor (else the thread moved on
     * meanwhile, and who held it is not known).
     */
    private Holder owner(Thread thread, Object snapshot, Object waited) throws ReflectiveOperationException {
        if (snapshots.waitsForMonitor(snapshot)) {
            ThreadInfo info = ThreadTable.bean().getThreadInfo(new long[] {thread.getId()}, 0)[0];
            LockInfo lock = info == null ? null : info.getLockInfo();
            boolean same = lock != null && lock.getIdentityHashCode() == System.identityHashCode(waited)
                    && lock.getClassName().equals(waited.getClass().getName());
            return same && info.getLockOwnerId() != -1 ? new Holder(info.getLockOwnerId(), info.getLockOwnerName()) : null;
        }
        if (waited instanceof AbstractOwnableSynchronizer) {
            Thread holder = (Thread) internals.value(waited, "exclusiveOwnerThread");
            return holder == null ? null : new Holder(holder.getId(), holder.getName());
        }
        return null; // parked on something no thread owns
    }

    /** A lock's holder as a row names it. */
    private record Holder(long id, String name) {
    }

    /** One chunk's rows, read from the snapshots and written into its chunk, both on the call's thread. */
    private final class Rows {
        private final Thread[] thread;
        private final String[] name;
        private final Thread.State[] state;
        private final StackTraceElement[][] stack;
        private final MonitorInfo[][] monitors;
        private final LockInfo[] lock;
        private final Holder[] owner;
        private final Mailbox[] mailbox;
        private int size;

        Rows(int capacity) {
            thread = new Thread[capacity];
            name = new String[capacity];
            state = new Thread.State[capacity];
            stack = new StackTraceElement[capacity][];
            monitors = new MonitorInfo[capacity][];
            lock = new LockInfo[capacity];
            owner = new Holder[capacity];
            mailbox = new Mailbox[capacity];
        }

        void add(Thread of, Object snapshot, MailboxSnapshot boxes) throws ReflectiveOperationException {
            int i = size++;
            thread[i] = of;
            name[i] = snapshots.name(snapshot);
            state[i] = snapshots.state(snapshot);
            stack[i] = snapshots.stack(snapshot);
            monitors[i] = snapshots.monitors(snapshot);
            Object waited = snapshots.waitedFor(snapshot);
            if (waited != null) {
                lock[i] = new LockInfo(waited.getClass().getName(), System.identityHashCode(waited));
                owner[i] = owner(of, snapshot, waited);
            }
            mailbox[i] = boxes.waitedOnBy(of, stack[i]).orElse(null);
        }

        void write(JsonGenerator json) throws IOException {
            for (int i = 0; i < size; i++) {
                Holder holder = owner[i];
                BacktraceWriter.write(json, thread[i].getId(), name[i], state[i], stack[i], monitors[i], lock[i],
                        holder == null ? -1 : holder.id(), holder == null ? null : holder.name(), mailbox[i],
                        threads, null);
            }
        }
    }
}
