package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ProcessFacts;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.Backtrace;
import dev.diag.protocol.result.DumpSummary;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * {@code backtraces()}: every thread's backtrace, as jstack prints them, streamed. Stacks are taken
 * {@value #BATCH} threads per pause instead of all at once, so at 10,000 threads the target sees
 * many short pauses rather than one long one; held java.util.concurrent locks are not looked for
 * (that makes the JVM walk the heap inside each pause): process_info(Pid, backtrace) has them.
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
        LongFunction<Thread> byId = id -> LiveThreads.find(threads, id);
        MailboxSnapshot boxes = mailboxes.scan(Arrays.asList(threads));
        int sent = 0;
        int pauses = 0;
        for (int from = 0; from < ids.length && !context.cancelled(); from += BATCH) {
            long[] batch = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + BATCH));
            ThreadInfo[] infos = ThreadTable.bean().getThreadInfo(batch, true, false);
            pauses++;
            List<Backtrace> rows = new ArrayList<>(batch.length);
            for (ThreadInfo info : infos) {
                if (info != null) { // ended since the ids were listed
                    rows.add(ProcessFacts.backtrace(info, byId.apply(info.getThreadId()), boxes, byId, false));
                }
            }
            context.emit(rows);
            sent += rows.size();
        }
        return new DumpSummary(sent, pauses, BATCH);
    }
}
