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
import java.util.Arrays;

/**
 * {@code backtraces()}: every thread's backtrace, as jstack prints them, streamed. Stacks are taken
 * {@value #BATCH} threads per pause instead of all at once, so at 10,000 threads the target sees
 * many short pauses rather than one long one; held java.util.concurrent locks are not looked for
 * (that makes the JVM walk the heap inside each pause): process_info(Pid, backtrace) has them.
 * Each batch's rows are written straight into its chunk from the ThreadInfos ({@link
 * BacktraceWriter}): no record per thread or frame, no tree per row.
 */
final class Backtraces extends FunctionBase {
    static final int BATCH = 100;

    private final MailboxFinder mailboxes;

    Backtraces(JdkInternals internals) {
        super(Declaration.BACKTRACES);
        this.mailboxes = new MailboxFinder(internals);
    }

    @Override
    public Object call(Args args, CallContext context) {
        long[] ids = ThreadTable.bean().getAllThreadIds();
        Arrays.sort(ids);
        Thread[] threads = LiveThreads.sortedById(); // found by id with no map entry or boxed id per thread
        MailboxSnapshot boxes = mailboxes.scan(Arrays.asList(threads));
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
            context.emit(json -> write(json, infos, threads, boxes));
            sent += alive;
        }
        return new DumpSummary(sent, pauses, BATCH);
    }

    /** The batch's rows, written straight into its chunk ({@link BacktraceWriter}). */
    private static void write(JsonGenerator json, ThreadInfo[] infos, Thread[] threads, MailboxSnapshot boxes)
            throws IOException {
        for (ThreadInfo info : infos) {
            if (info != null) {
                StackTraceElement[] stack = info.getStackTrace(); // a copy each time it is asked for: once
                Thread thread = LiveThreads.find(threads, info.getThreadId());
                Mailbox waitedOn = thread == null ? null : boxes.waitedOnBy(thread, stack).orElse(null);
                BacktraceWriter.write(json, info, stack, waitedOn, threads, null);
            }
        }
    }
}
