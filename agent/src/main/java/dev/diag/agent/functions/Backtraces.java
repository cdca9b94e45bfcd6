package dev.diag.agent.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.agent.probe.TopFrames;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.DumpSummary;
import java.io.IOException;
import java.lang.management.ThreadInfo;
import java.lang.reflect.InaccessibleObjectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code backtraces()}: every thread's backtrace, as jstack prints them, streamed. Held
 * java.util.concurrent locks are not looked for (that makes the JVM walk the heap inside each
 * pause): process_info(Pid, backtrace) has them.
 *
 * <p>On JDK 25+ each thread's stack and locks are taken from that thread alone, by a handshake
 * ({@link SnapshotBacktraces}): no global pause at all. Before JDK 25 no API gives a thread's
 * locked monitors without a global safepoint (Thread.getStackTrace's handshake has no locks; JDK
 * 21-24 take this path too), so the stacks are taken with ThreadInfo, a batch of threads per pause,
 * each batch sized by the frames the last one held ({@link PauseSizedBatches}).
 *
 * <p>The pauses follow one another with nothing of the agent's in between, and only then are the
 * rows written, at most about {@link #HELD_UNITS} units' worth at a time ({@link StackPausePlan}): a pause taken while the agent's
 * I/O thread and the shell are busy with the last batch's rows shares the two cores with them and
 * lasts longer. What the JVM itself does stays above jcmd Thread.print's (its VM thread's CPU, /tmp
 * harness at 10,000 threads: 163 ms at 500 threads a pause, 130 ms at 1,000, jcmd 116 ms): each
 * pause stops and restarts every thread (~2-3 ms at 10,000), and a ThreadDump of given threads
 * checks each one against the JVM's thread list by a linear search (ThreadsList::includes, ~35 ms
 * at 10,000: one dumpAllThreads pause is 72 ms, but it is one long pause). lockedMonitors also makes
 * HotSpot 17 walk its whole list of inflated monitors once per thread, for JNI-entered ones (little
 * while few are inflated; jcmd does not). Each batch's rows are
 * written straight into its chunk ({@link BacktraceWriter}): no record per thread or frame, no
 * tree per row.
 */
final class Backtraces extends FunctionBase {
    /**
     * How much of the ThreadInfos taken may wait in the agent for their rows to be written, in
     * {@link PauseSizedBatches#units} (a thread 4, a frame 1): stacks are taken pause after pause
     * while the next batch's estimate keeps the units held within this, then written. On JDK 17 a
     * unit is 43-60 bytes of heap (getThreadInfo's allocation over 2,000-5,000 threads of 5-159
     * frames: 52.7 bytes at 159 frames, 60 at 11, 46.7 at 5, of which 43.1 still held after a GC;
     * measured from the calling thread's allocated bytes), so at most ~2.5 MiB (43,000 x 60 bytes = 2.46 MiB),
     * plus what a last batch deeper than the one before it passes its estimate by (at most
     * {@link PauseSizedBatches#MAX_BATCH} of its stacks, as any pause). 10,000 shallow stacks (4-5
     * frames) are taken in 2 runs of pauses, ~280 stacks of 150 frames a run.
     */
    static final long HELD_UNITS = 43_000;
    /**
     * Rows per chunk, fewer than a batch's: a stream reuses one buffer, which a chunk of 500 rows
     * (~350 KB) made grow to 512 KB, 0.7 MiB more allocated per call than chunks of 100.
     */
    static final int ROWS_PER_CHUNK = 100;

    private final MailboxFinder mailboxes;
    private final JdkInternals internals;
    private volatile Optional<ThreadSnapshots> snapshots; // looked for once, on the first call

    Backtraces(JdkInternals internals) {
        super(Declaration.BACKTRACES);
        this.mailboxes = new MailboxFinder(internals);
        this.internals = internals;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        Thread[] threads = LiveThreads.sortedById(); // found by id with no map entry or boxed id per thread
        MailboxSnapshot boxes = mailboxes.scan(Arrays.asList(threads));
        ThreadSnapshots handshakes = snapshots();
        if (handshakes != null) {
            try {
                int sent = new SnapshotBacktraces(handshakes, internals, threads).emitAll(boxes, context);
                return new DumpSummary(sent, 0, 1); // no pause: one thread at a time
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                if (!snapshotsUnusable(e)) {
                    throw FunctionException.failed("backtraces() failed while reading the threads; call it again");
                }
                snapshots = Optional.empty(); // from now on ThreadInfos, in pauses
                throw FunctionException.failed("this JVM's thread snapshots could not be read; call backtraces() "
                        + "again (it then takes the stacks in short pauses)");
            }
        }
        return inPauses(threads, boxes, context);
    }

    /** Before JDK 25: ThreadInfos, runs of pauses back to back, each run's rows written after it. */
    private DumpSummary inPauses(Thread[] threads, MailboxSnapshot boxes, CallContext context) {
        long[] ids = ThreadTable.bean().getAllThreadIds();
        Arrays.sort(ids);
        ThreadInfoPauses work = new ThreadInfoPauses(ids, threads, boxes, context, internals);
        PauseSizedBatches sizes = StackPausePlan.run(ids.length, HELD_UNITS, work);
        return new DumpSummary(work.sent, sizes.pauses(), sizes.largest());
    }

    /** {@link StackPausePlan}'s work on this JVM: ThreadInfo pauses, their batches held until written. */
    private static final class ThreadInfoPauses implements StackPausePlan.Work {
        private final long[] ids;
        private final Thread[] threads;
        private final MailboxSnapshot boxes;
        private final CallContext context;
        private final JdkInternals internals;
        private final List<Batch> taken = new ArrayList<>();
        int sent;

        ThreadInfoPauses(long[] ids, Thread[] threads, MailboxSnapshot boxes, CallContext context,
                JdkInternals internals) {
            this.ids = ids;
            this.threads = threads;
            this.boxes = boxes;
            this.context = context;
            this.internals = internals;
        }

        @Override
        public long pause(int from, int count) {
            Batch batch = new Batch(ThreadTable.bean().getThreadInfo(Arrays.copyOfRange(ids, from, from + count), true, false));
            taken.add(batch);
            long walked = 0;
            for (int i = 0; i < batch.infos.length; i++) {
                ThreadInfo info = batch.infos[i]; // null: ended since the ids were listed
                batch.stacks[i] = info == null ? null : TopFrames.frames(info, internals); // read only
                walked += info == null ? 0 : batch.stacks[i].length;
            }
            return walked;
        }

        @Override
        public void writeHeld() {
            for (Batch batch : taken) {
                sent += emit(batch, threads, boxes, context);
            }
            taken.clear();
        }

        @Override
        public boolean cancelled() {
            return context.cancelled();
        }
    }

    /** One pause's ThreadInfos, and their frames read once (see {@link TopFrames#frames}). */
    private static final class Batch {
        final ThreadInfo[] infos;
        final StackTraceElement[][] stacks;

        Batch(ThreadInfo[] infos) {
            this.infos = infos;
            this.stacks = new StackTraceElement[infos.length][];
        }
    }

    /** A batch's rows, {@value #ROWS_PER_CHUNK} to a chunk; returns how many threads were alive. */
    private static int emit(Batch batch, Thread[] threads, MailboxSnapshot boxes, CallContext context) {
        int alive = 0;
        for (ThreadInfo info : batch.infos) {
            if (info != null) {
                alive++;
            }
        }
        for (int first = 0; first < batch.infos.length; first += ROWS_PER_CHUNK) {
            int start = first;
            int end = Math.min(batch.infos.length, first + ROWS_PER_CHUNK);
            context.emit(json -> write(json, batch, start, end, threads, boxes));
        }
        return alive;
    }

    /**
     * True when {@code failure} says this JVM's ThreadSnapshot cannot be read by reflection (a
     * member gone, changed or closed), so the no-pause path is off for the node's lifetime; any
     * other failure (the reply's connection closing, a mailbox adapter's exception, an Error inside
     * ThreadSnapshot.of) fails just that call, and the next one takes snapshots again.
     */
    static boolean snapshotsUnusable(Throwable failure) {
        return failure instanceof IllegalAccessException || failure instanceof NoSuchFieldException
                || failure instanceof NoSuchMethodException || failure instanceof ClassCastException
                || failure instanceof UnsupportedOperationException || failure instanceof LinkageError
                || failure instanceof InaccessibleObjectException;
    }

    /** JDK 25+'s per-thread snapshots where they work here, else null (ThreadInfos, in pauses). */
    private ThreadSnapshots snapshots() {
        Optional<ThreadSnapshots> found = snapshots;
        if (found == null) {
            found = Optional.ofNullable(ThreadSnapshots.find()); // two calls may both look once: harmless
            snapshots = found;
        }
        return found.orElse(null);
    }

    /** Rows {@code start} to {@code end} of a batch, written straight into a chunk ({@link BacktraceWriter}). */
    private static void write(JsonGenerator json, Batch batch, int start, int end, Thread[] threads,
            MailboxSnapshot boxes) throws IOException {
        for (int at = start; at < end; at++) {
            ThreadInfo info = batch.infos[at];
            if (info != null) {
                StackTraceElement[] stack = batch.stacks[at];
                Thread thread = LiveThreads.find(threads, info.getThreadId());
                Mailbox waitedOn = thread == null ? null : boxes.waitedOnBy(thread, stack).orElse(null);
                BacktraceWriter.write(json, info, stack, waitedOn, threads, null);
            }
        }
    }
}
