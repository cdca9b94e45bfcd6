package dev.diag.agent.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.agent.probe.TopFrames;
import java.io.IOException;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.Map;

/**
 * The platform threads' rows of {@code i()}, a batch of {@value TopFrames#BATCH} at a time: the
 * batch's facts are taken ({@link #take}), then written straight into its chunk ({@link #write}).
 * What costs the target little garbage: the pids, CPU times and allocated bytes come in bulk
 * arrays taken once; on JDK 17 one {@code getThreadInfo} of the batch (its one pause) gives each
 * thread's state, name and top frames together, only as many frames as the batch's threads can
 * need ({@link TopFrames#depthFor}); on JDK 21+ the Thread objects give state and
 * name, and each thread's own stack walk its frames (no pause); the rows are written from these
 * with no object per row ({@link ProcessRowWriter}). About 350 bytes per thread on JDK 17, where
 * the JVM's ThreadInfo and stack frames are most of it.
 */
final class PlatformRows {
    private final long[] ids;
    private final long[] cpu;
    private final long[] allocated;
    private final Thread[] threads;
    private final MailboxSnapshot boxes;
    private final JdkInternals internals;
    private final long[] batch = new long[TopFrames.BATCH]; // JDK 17: every full batch's pids, in one array
    private final ProcessRowWriter writer = new ProcessRowWriter();
    private final int[] stateCounts = new int[Thread.State.values().length];
    private long heapBytes;
    private long cpuNanos;
    private int sent;
    private int pauses; // JDK 17: the getThreadInfo calls, each a global pause

    // the batch taken last, written next
    private int from;
    private int count;
    private final int[] at = new int[TopFrames.BATCH]; // index into ids
    private final String[] names = new String[TopFrames.BATCH];
    private final Thread.State[] states = new Thread.State[TopFrames.BATCH];
    private final boolean[] daemons = new boolean[TopFrames.BATCH];
    private final StackTraceElement[] frames = new StackTraceElement[TopFrames.BATCH];
    private final boolean[] cutShort = new boolean[TopFrames.BATCH]; // JDK 17: taken too short, all plumbing

    private PlatformRows(long[] ids, Thread[] threads, MailboxSnapshot boxes, JdkInternals internals) {
        this.ids = ids;
        this.internals = internals;
        this.cpu = ThreadTable.cpuNanos(ids);
        this.allocated = ThreadTable.allocatedBytes(ids);
        this.threads = threads;
        this.boxes = boxes;
    }

    /** Every live platform thread, in pid order, with the mailboxes they serve. */
    static PlatformRows of(MailboxFinder mailboxes, JdkInternals internals) {
        long[] ids = ThreadTable.bean().getAllThreadIds();
        Arrays.sort(ids);
        Thread[] threads = LiveThreads.sortedById();
        return new PlatformRows(ids, threads, mailboxes.scan(Arrays.asList(threads)), internals);
    }

    int size() {
        return ids.length;
    }

    /** Takes the facts of the batch starting at pid index {@code start}; false when none are left. */
    boolean take(int start) {
        from = start;
        count = 0;
        int to = Math.min(ids.length, start + TopFrames.BATCH);
        if (start >= to) {
            return false;
        }
        if (TopFrames.perThread()) {
            for (int i = start; i < to; i++) {
                Thread thread = LiveThreads.find(threads, ids[i]);
                if (thread != null) {
                    Thread.State state = thread.getState();
                    if (state != Thread.State.TERMINATED) { // ended since it was listed
                        keep(i, thread.getName(), state, thread.isDaemon(), TopFrames.interesting(thread.getStackTrace()));
                    }
                } else {
                    ThreadTable.Entry entry = ThreadTable.one(ids[i]); // outside any group: no stack walk for it, no pause
                    if (entry != null) {
                        keep(i, entry.info().getThreadName(), entry.info().getThreadState(), entry.info().isDaemon(), null);
                    }
                }
            }
        } else {
            takeStacks(start, to, TopFrames.depthFor(threads, ids, start, to));
        }
        return true;
    }

    /**
     * JDK 17: the facts of pids {@code ids[start..to)} (at most a batch) from one {@code getThreadInfo}
     * at {@code depth} frames, a stack found {@link TopFrames#cutShort} taken again.
     */
    void takeStacks(int start, int to, int depth) {
        count = 0;
        long[] pids = to - start == batch.length ? batch : new long[to - start];
        System.arraycopy(ids, start, pids, 0, pids.length);
        ThreadInfo[] infos = ThreadTable.bean().getThreadInfo(pids, depth);
        pauses++;
        int shortStacks = 0;
        for (int k = 0; k < infos.length; k++) {
            ThreadInfo info = infos[k];
            if (info != null) { // null: ended since it was listed
                StackTraceElement[] stack = TopFrames.frames(info, internals);
                cutShort[count] = TopFrames.cutShort(stack, depth);
                shortStacks += cutShort[count] ? 1 : 0;
                keep(start + k, info.getThreadName(), info.getThreadState(), info.isDaemon(),
                        TopFrames.interesting(stack));
            }
        }
        if (shortStacks > 0) {
            takeAgainDeeper(shortStacks);
        }
    }

    /** The current function taken last for thread {@code pid}, for tests; null if none. */
    StackTraceElement frameOf(long pid) {
        for (int k = 0; k < count; k++) {
            if (ids[at[k]] == pid) {
                return frames[k];
            }
        }
        return null;
    }

    /**
     * Takes again, {@link TopFrames#DEPTH} deep, the stacks of this batch that came back all plumbing
     * at the batch's depth (their threads began to wait through a lock between the look and the pause):
     * one more pause, of those threads only, and only when a batch has such a thread.
     */
    private void takeAgainDeeper(int shortStacks) {
        long[] again = new long[shortStacks];
        int[] rowOf = new int[shortStacks];
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (cutShort[k]) {
                again[n] = ids[at[k]];
                rowOf[n++] = k;
            }
        }
        ThreadInfo[] infos = ThreadTable.bean().getThreadInfo(again, TopFrames.DEPTH);
        pauses++;
        for (int m = 0; m < n; m++) {
            if (infos[m] != null) {
                frames[rowOf[m]] = TopFrames.interesting(TopFrames.frames(infos[m], internals));
            }
        }
    }

    private void keep(int index, String name, Thread.State state, boolean daemon, StackTraceElement frame) {
        at[count] = index;
        names[count] = name;
        states[count] = state;
        daemons[count] = daemon;
        frames[count] = frame;
        count++;
    }

    /** Writes the batch taken last, one row per thread still alive, and counts it into the totals. */
    void write(JsonGenerator json) throws IOException {
        for (int k = 0; k < count; k++) {
            int i = at[k];
            long heap = allocated == null ? 0 : Math.max(0, allocated[i]);
            long time = cpu == null ? 0 : Math.max(0, cpu[i]);
            Mailbox mailbox = boxes.servedMailbox(ids[i]);
            writer.platform(json, ids[i], names[k], states[k].name(), heap, time,
                    mailbox == null ? ProcessRowWriter.NO_MAILBOX : mailbox.size(), frames[k], daemons[k]);
            stateCounts[states[k].ordinal()]++;
            heapBytes += heap;
            cpuNanos += time;
            sent++;
        }
        Arrays.fill(frames, null); // let go of the batch's frames and names before the next
        Arrays.fill(names, null);
    }

    int sent() {
        return sent;
    }

    /** The global pauses taken so far: on JDK 17 one per batch, and one per batch taken again; 0 on JDK 21+. */
    int pauses() {
        return pauses;
    }

    long heapBytes() {
        return heapBytes;
    }

    long cpuNanos() {
        return cpuNanos;
    }

    MailboxSnapshot mailboxes() {
        return boxes;
    }

    /** How many rows were written in each state, by state name; {@code into} gets them added. */
    Map<String, Integer> states(Map<String, Integer> into) {
        for (Thread.State state : Thread.State.values()) {
            if (stateCounts[state.ordinal()] > 0) {
                into.merge(state.name(), stateCounts[state.ordinal()], Integer::sum);
            }
        }
        return into;
    }
}
