package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ThreadWindow;
import dev.diag.agent.probe.VirtualThreads;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.MailboxRow;
import dev.diag.protocol.result.TopProcess;
import dev.diag.protocol.result.TopSample;
import dev.diag.protocol.result.TopSummary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code top()}: one {@link TopSample} a second, streamed until the caller cancels or goes away;
 * {@code top(Samples)} stops after that many. Each sample diffs two consecutive counter snapshots
 * ({@link ThreadWindow}) for the CPU each thread used in the last second, and carries the heap's
 * last minute so the shell can draw it. Nothing outlives the call: the history is the call's own.
 */
final class Top extends FunctionBase {
    static final long INTERVAL_MILLIS = 1000;
    static final int MAX_SAMPLES = 3600;
    static final int HISTORY = 60;
    static final int TOP_CPU = 10;
    static final int TOP_MAILBOXES = 5;
    static final int OWNERS = 3;

    private final MailboxFinder mailboxes;
    private final VirtualThreads virtualThreads;

    Top(JdkInternals internals) {
        super(Declaration.TOP);
        this.mailboxes = new MailboxFinder(internals);
        this.virtualThreads = internals.virtualThreads();
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        int limit = args.count() == 0 ? Integer.MAX_VALUE : args.integer(0, 1, MAX_SAMPLES,
                "top(Samples) takes 1 to " + MAX_SAMPLES + " samples, one a second (top() runs until stopped)");
        ArrayDeque<Long> heapHistory = new ArrayDeque<>(HISTORY + 1);
        ThreadWindow.Snapshot previous = ThreadWindow.take();
        int sent = 0;
        while (sent < limit && !context.cancelled()) {
            long wait = INTERVAL_MILLIS - (System.nanoTime() - previous.nanos()) / 1_000_000;
            try {
                Thread.sleep(Math.max(1, wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break; // cancelled: the caller has its answer already
            }
            ThreadWindow.Snapshot now = ThreadWindow.take();
            context.emit(List.of(sample(++sent, previous, now, heapHistory)));
            previous = now;
        }
        return new TopSummary(sent);
    }

    private TopSample sample(int number, ThreadWindow.Snapshot before, ThreadWindow.Snapshot after,
            ArrayDeque<Long> heapHistory) {
        long interval = Math.max(1, after.nanos() - before.nanos());
        ThreadWindow.Diff diff = ThreadWindow.diff(before.ids(), before.cpu(), after.ids(), after.cpu(), TOP_CPU);
        Map<Long, ProcRanking.Facts> facts = ProcRanking.facts(diff.top());
        List<TopProcess> busiest = new ArrayList<>(diff.top().size());
        for (ThreadWindow.Change change : diff.top()) {
            ProcRanking.Facts f = facts.get(change.id());
            busiest.add(new TopProcess(change.id(), f.name(), f.state(), change.delta(), (double) change.delta() / interval,
                    f.currentFunction()));
        }
        Map<Long, Thread> live = LiveThreads.byId();
        MailboxSnapshot boxes = mailboxes.scan(live.values());
        List<MailboxRow> largest = new ArrayList<>(TOP_MAILBOXES);
        List<Integer> owners = new ArrayList<>(TOP_MAILBOXES);
        for (Mailbox mailbox : boxes.all().subList(0, Math.min(TOP_MAILBOXES, boxes.all().size()))) {
            largest.add(Regs.row(mailbox, live, OWNERS));
            owners.add(mailbox.ownerThreadIds().size()); // all of them: the view's "… N more" counts the rest
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        heapHistory.addLast(heap.getUsed());
        if (heapHistory.size() > HISTORY) {
            heapHistory.removeFirst();
        }
        return new TopSample(number, interval / 1_000_000, heap.getUsed(), heap.getCommitted(), heap.getMax(),
                List.copyOf(heapHistory), processes(ManagementFactory.getThreadMXBean().getThreadCount()), busiest, largest, owners,
                ProcRanking.note(ProcRanking.Attribute.REDUCTIONS, boxes.note()));
    }

    /**
     * Platform threads and, where the JDK has them, virtual ones: process_count's figure (counters
     * only), the agent's threads included, though they are never ranked.
     */
    private int processes(int platform) {
        long virtual = virtualThreads.available() ? virtualThreads.census().virtual() : 0;
        return (int) Math.min(Integer.MAX_VALUE, platform + Math.max(0, virtual));
    }
}
