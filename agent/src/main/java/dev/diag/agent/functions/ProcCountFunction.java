package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.ThreadWindow;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.Atoms;
import dev.diag.protocol.result.ProcCount;
import dev.diag.protocol.result.RankedProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code recon:proc_count(Attr, N)}: the N threads with the most CPU time so far (reductions),
 * the most bytes allocated (memory) or the largest mailbox (message_queue_len), as recon ranks
 * an Erlang node's processes. Totals since each thread started: {@link ProcWindowFunction} ranks
 * what is happening now.
 *
 * Low impact: the counters come from bulk calls that take no stack; only the N winners' top
 * frames are taken, one short pause of N threads on JDK 17, none on JDK 21+.
 */
final class ProcCountFunction extends FunctionBase {
    private final ProcRanking ranking;

    ProcCountFunction(JdkInternals internals) {
        super(Declaration.PROC_COUNT);
        this.ranking = new ProcRanking(internals);
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        ProcRanking.Attribute attribute = ProcRanking.attribute(args);
        int n = ProcRanking.count(args);
        ProcRanking.Reading reading = ranking.read(attribute);
        List<ThreadWindow.Change> winners = ThreadWindow.top(reading.ids(), reading.values(), n);
        Map<Long, ProcRanking.Facts> facts = ProcRanking.facts(winners);
        List<RankedProcess> rows = new ArrayList<>(winners.size());
        int measured = 0;
        for (long value : reading.values()) {
            measured += value >= 0 ? 1 : 0;
        }
        for (ThreadWindow.Change winner : winners) {
            ProcRanking.Facts f = facts.get(winner.id());
            rows.add(new RankedProcess(winner.id(), f.name(), winner.total(), f.state(), f.currentFunction()));
        }
        return new ProcCount(Atoms.of(attribute), rows, measured, ProcRanking.note(attribute, reading.note()));
    }
}
