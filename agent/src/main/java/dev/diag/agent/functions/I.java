package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.TopFrames;
import dev.diag.agent.probe.VirtualThreads;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.ProcessTotals;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code i()}: one row per thread, as Erlang's i() lists processes, streamed a batch at a time;
 * {@code i(Pid)} and {@code i(0,N,0)}: that thread's process_info. The table comes from bulk calls
 * that stop nothing; only the current-function column needs stacks, taken {@value TopFrames#BATCH}
 * threads per pause on JDK 17 (each thread's own walk on 21+), and a caller that cancels stops it
 * between batches. The rows are written straight into their chunks ({@link PlatformRows}): at
 * 10,000 threads one call leaves a few MiB of garbage in the target, not tens.
 */
final class I extends FunctionBase {
    private final ProcessLookup processes;
    private final MailboxFinder mailboxes;
    private final JdkInternals internals;
    private final VirtualThreads virtualThreads;

    I(JdkInternals internals) {
        super(Declaration.I);
        this.internals = internals;
        this.processes = new ProcessLookup(internals);
        this.mailboxes = new MailboxFinder(internals);
        this.virtualThreads = internals.virtualThreads();
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        return switch (args.count()) {
            case 0 -> table(context);
            case 1 -> info(Pids.at(args, 0));
            case 3 -> info(Pids.ofTriple(args));
            default -> throw FunctionException.badArgument("i takes no arguments, a pid such as <61>, or three numbers "
                    + "such as i(0,61,0)");
        };
    }

    private Object info(long pid) throws FunctionException {
        return processes.info(pid);
    }

    private ProcessTotals table(CallContext context) {
        long start = System.nanoTime();
        PlatformRows rows = PlatformRows.of(mailboxes, internals);
        // every mailbox once, as regs() lists them: an actor waiting on no thread's queue counts too
        long msgs = 0;
        for (Mailbox mailbox : rows.mailboxes().all()) {
            msgs += mailbox.size();
        }
        for (int from = 0; !context.cancelled() && rows.take(from); from += TopFrames.BATCH) {
            context.emit(rows::write);
        }
        int platform = rows.sent();
        Map<String, Integer> states = rows.states(new TreeMap<>());
        int sent = platform + virtualRows(context, states);
        return new ProcessTotals(sent, rows.heapBytes(), rows.cpuNanos(), msgs, states, TopFrames.method(rows.pauses())
                + (sent > platform ? "; virtual threads: each one's own stack walk, no pause" : ""),
                (System.nanoTime() - start) / 1_000_000, virtualThreads.available() ? sent - platform : null,
                virtualThreads.unlistedNote());
    }

    /**
     * The virtual threads after the platform ones, in pid order, {@value TopFrames#BATCH} per chunk:
     * the JVM measures no heap or CPU for them (-1) and they serve no mailbox diag finds.
     */
    private int virtualRows(CallContext context, Map<String, Integer> states) {
        if (context.cancelled()) {
            return 0;
        }
        List<Thread> threads = virtualThreads.list();
        threads.sort(Comparator.comparingLong(Thread::getId));
        ProcessRowWriter writer = new ProcessRowWriter();
        int[] sent = {0};
        for (int from = 0; from < threads.size() && !context.cancelled(); from += TopFrames.BATCH) {
            List<Thread> batch = threads.subList(from, Math.min(threads.size(), from + TopFrames.BATCH));
            context.emit(json -> { // written straight into the chunk, as the platform rows are
                for (Thread t : batch) {
                    StackTraceElement frame = TopFrames.interesting(t.getStackTrace());
                    Thread.State state = t.getState();
                    if (state == Thread.State.TERMINATED) {
                        continue; // ended since it was listed
                    }
                    writer.virtual(json, t.getId(), t.getName(), state.name(), frame);
                    states.merge(state.name(), 1, Integer::sum);
                    sent[0]++;
                }
            });
        }
        return sent[0];
    }
}
