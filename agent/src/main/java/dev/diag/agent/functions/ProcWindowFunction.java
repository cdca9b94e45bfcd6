package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.ThreadWindow;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.Atoms;
import dev.diag.protocol.result.ProcWindow;
import dev.diag.protocol.result.WindowedProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code recon:proc_window(Attr, N, Ms)}: the N threads whose attribute grew most during the next
 * Ms milliseconds, with that growth per second: which threads burn CPU, allocate or pile up work
 * now, not since they started. Two snapshots Ms apart (see {@link ThreadWindow}); the call sleeps
 * in between, and a cancelled call wakes and ends at once.
 *
 * <pre>recon:proc_window(reductions, 10, 1000)   // the 10 busiest threads of the next second</pre>
 */
final class ProcWindowFunction extends FunctionBase {
    static final int MAX_WINDOW_MILLIS = 60_000;

    private final ProcRanking ranking;

    ProcWindowFunction(JdkInternals internals) {
        super(Declaration.PROC_WINDOW);
        this.ranking = new ProcRanking(internals);
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        ProcRanking.Attribute attribute = ProcRanking.attribute(args);
        int n = ProcRanking.count(args);
        int window = args.integer(2, 1, MAX_WINDOW_MILLIS,
                "Ms must be a window of 1 to " + MAX_WINDOW_MILLIS + " milliseconds, e.g. 1000");
        ProcRanking.Reading before = ranking.read(attribute);
        try {
            Thread.sleep(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FunctionException.failed("proc_window was cancelled before its window ended");
        }
        ProcRanking.Reading after = ranking.read(attribute);
        ThreadWindow.Diff diff = ThreadWindow.diff(before.ids(), before.values(), after.ids(), after.values(), n);
        long measured = Math.max(1, after.nanos() - before.nanos());
        Map<Long, ProcRanking.Facts> facts = ProcRanking.facts(diff.top());
        List<WindowedProcess> rows = new ArrayList<>(diff.top().size());
        for (ThreadWindow.Change change : diff.top()) {
            ProcRanking.Facts f = facts.get(change.id());
            rows.add(new WindowedProcess(change.id(), f.name(), change.total(), change.delta(),
                    change.delta() * 1e9 / measured, f.state(), f.currentFunction()));
        }
        return new ProcWindow(Atoms.of(attribute), window, measured / 1_000_000, rows, diff.threads(), diff.born(),
                diff.died(), ProcRanking.note(attribute, after.note()));
    }
}
