package dev.diag.agent.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.DumpSummary;
import java.io.IOException;
import java.lang.management.ThreadInfo;
import java.lang.reflect.InaccessibleObjectException;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code backtraces()}: every thread's backtrace, as jstack prints them, streamed. Held
 * java.util.concurrent locks are not looked for (that makes the JVM walk the heap inside each
 * pause): process_info(Pid, backtrace) has them.
 *
 * <p>On JDK 25+ each thread's stack and locks are taken from that thread alone, by a handshake
 * ({@link SnapshotBacktraces}): no global pause at all. Before JDK 25 no API gives a thread's
 * locked monitors without a global safepoint (Thread.getStackTrace's handshake has no locks; JDK
 * 21-24 take this path too), so the stacks are taken {@value #BATCH} threads per pause with
 * ThreadInfo. The batch is a trade between the number of pauses and the longest one: each pause
 * costs every thread's stop (~0.4-0.8 ms at 10,000 threads on two cores) besides its batch's
 * stacks. At 10,000 threads on JDK 17 (docs/benchmarks.md, medians of six rounds, load ~10): 100
 * a pause made 101 pauses, 138 ms in all, the longest ~6 ms; 500 makes 21, 122 ms, ~12 ms; 1,000
 * made 11, 116 ms, ~17 ms; jcmd Thread.print one of ~100 ms, and all at once ours is one of
 * 70-180 ms. Inside a ThreadDump the JVM spends ~2.5x per thread what Thread.print does, however
 * batched, so no batching brings the total under jcmd's; 500 keeps every pause short, as the
 * project's rule asks, and halves the pauses' fixed cost. Each batch's rows are
 * written straight into its chunk ({@link BacktraceWriter}): no record per thread or frame, no
 * tree per row.
 */
final class Backtraces extends FunctionBase {
    static final int BATCH = 500;
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
        long[] ids = ThreadTable.bean().getAllThreadIds();
        Arrays.sort(ids);
        int sent = 0;
        int pauses = 0;
        for (int from = 0; from < ids.length && !context.cancelled(); from += BATCH) {
            long[] batch = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + BATCH));
            ThreadInfo[] infos = ThreadTable.bean().getThreadInfo(batch, true, false);
            pauses++;
            int alive = 0;
            for (ThreadInfo info : infos) {
                if (info != null) { // null: ended since the ids were listed
                    alive++;
                }
            }
            for (int first = 0; first < infos.length; first += ROWS_PER_CHUNK) {
                int start = first;
                int end = Math.min(infos.length, first + ROWS_PER_CHUNK);
                context.emit(json -> write(json, infos, start, end, threads, boxes));
            }
            sent += alive;
        }
        return new DumpSummary(sent, pauses, BATCH);
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
    private static void write(JsonGenerator json, ThreadInfo[] infos, int start, int end, Thread[] threads,
            MailboxSnapshot boxes) throws IOException {
        for (int at = start; at < end; at++) {
            ThreadInfo info = infos[at];
            if (info != null) {
                StackTraceElement[] stack = info.getStackTrace(); // a copy each time it is asked for: once
                Thread thread = LiveThreads.find(threads, info.getThreadId());
                Mailbox waitedOn = thread == null ? null : boxes.waitedOnBy(thread, stack).orElse(null);
                BacktraceWriter.write(json, info, stack, waitedOn, threads, null);
            }
        }
    }
}
