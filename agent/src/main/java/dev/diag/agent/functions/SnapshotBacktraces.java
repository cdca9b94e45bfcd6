package dev.diag.agent.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxSnapshot;
import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/**
 * backtraces() on JDK 25+: each thread's row from its own {@link ThreadSnapshots snapshot}, a
 * handshake with that thread alone, so the JVM never stops every thread (no global safepoint). The
 * rows are those a ThreadInfo gives (the same writer, the same fields), in thread id order, a chunk
 * per {@value Backtraces#ROWS_PER_CHUNK} threads.
 *
 * <p>A snapshot names the monitor a blocked thread waits to enter, not who holds it: the holder is
 * the thread whose own snapshot held it. The threads are taken in id order, and where a blocked
 * thread's monitor has no holder among those taken so far, the ones after it are taken ahead
 * (kept until their rows are written) until the holder turns up: usually at once, at worst every
 * thread (the monitor was released meanwhile, or a virtual thread holds it). Each snapshot is its
 * own moment, so the holder named is who held the monitor when it was looked at. A
 * java.util.concurrent lock's holder is read from the lock itself, as the JVM does for ThreadInfo.
 * Per call: one map entry per monitor held; no record per thread.
 */
final class SnapshotBacktraces {
    private final ThreadSnapshots snapshots;
    private final JdkInternals internals;
    private final Thread[] threads;
    private final Object[] ahead; // snapshots taken before their row is written, by position in threads
    private final Map<Object, Thread> holders = new IdentityHashMap<>();
    private int taken;

    /** {@code threads}: the live threads sorted by id. */
    SnapshotBacktraces(ThreadSnapshots snapshots, JdkInternals internals, Thread[] threads) {
        this.snapshots = snapshots;
        this.internals = internals;
        this.threads = threads;
        this.ahead = new Object[threads.length];
    }

    /** Emits every thread's row, a chunk per batch; the number of rows sent. */
    int emitAll(MailboxSnapshot boxes, CallContext context) throws ReflectiveOperationException {
        int sent = 0;
        for (int from = 0; from < threads.length && !context.cancelled(); from += Backtraces.ROWS_PER_CHUNK) {
            int to = Math.min(threads.length, from + Backtraces.ROWS_PER_CHUNK);
            Rows rows = new Rows(to - from);
            for (int at = from; at < to; at++) {
                Object snapshot = snapshotAt(at);
                ahead[at] = null; // its lock objects need not be held once its row is made
                if (snapshot != null) { // null: ended since the threads were listed
                    rows.add(threads[at], snapshot, boxes);
                }
            }
            context.emit(rows::write);
            sent += rows.size;
        }
        return sent;
    }

    private Object snapshotAt(int at) throws ReflectiveOperationException {
        while (taken <= at) {
            takeNext();
        }
        return ahead[at];
    }

    private void takeNext() throws ReflectiveOperationException {
        Thread thread = threads[taken];
        Object snapshot = snapshots.take(thread);
        if (snapshot != null) {
            snapshots.noteHeld(snapshot, thread, holders);
        }
        ahead[taken++] = snapshot;
    }

    /** Who holds what {@code snapshot}'s thread waits for (as a ThreadInfo's lock owner), or null. */
    private Thread owner(Object snapshot, Object waited) throws ReflectiveOperationException {
        if (snapshots.enteringMonitor(snapshot)) {
            Thread holder = holders.get(waited);
            while (holder == null && taken < threads.length) {
                takeNext();
                holder = holders.get(waited);
            }
            return holder;
        }
        if (waited instanceof AbstractOwnableSynchronizer) {
            return (Thread) internals.value(waited, "exclusiveOwnerThread");
        }
        return null; // in Object.wait(), or parked on something no thread owns
    }

    /** One chunk's rows, read from the snapshots on the call's thread, written on the I/O thread. */
    private final class Rows {
        private final Thread[] thread;
        private final String[] name;
        private final Thread.State[] state;
        private final StackTraceElement[][] stack;
        private final MonitorInfo[][] monitors;
        private final LockInfo[] lock;
        private final Thread[] owner;
        private final Mailbox[] mailbox;
        private int size;

        Rows(int capacity) {
            thread = new Thread[capacity];
            name = new String[capacity];
            state = new Thread.State[capacity];
            stack = new StackTraceElement[capacity][];
            monitors = new MonitorInfo[capacity][];
            lock = new LockInfo[capacity];
            owner = new Thread[capacity];
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
                owner[i] = owner(snapshot, waited);
            }
            mailbox[i] = boxes.waitedOnBy(of, stack[i]).orElse(null);
        }

        void write(JsonGenerator json) throws IOException {
            for (int i = 0; i < size; i++) {
                Thread holder = owner[i];
                BacktraceWriter.write(json, thread[i].getId(), name[i], state[i], stack[i], monitors[i], lock[i],
                        holder == null ? -1 : holder.getId(), holder == null ? null : holder.getName(), mailbox[i],
                        threads, null);
            }
        }
    }
}
