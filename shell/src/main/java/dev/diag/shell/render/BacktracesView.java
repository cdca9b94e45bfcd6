package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.DumpSummary;
import dev.diag.shell.functions.StreamView;
import java.util.List;

/**
 * {@code backtraces()}: each thread as {@link BacktraceView} shows one, a blank line between, as
 * they stream in, written straight from each row's JSON ({@link BacktraceText}).
 */
public final class BacktracesView implements StreamView {

    @Override
    public List<String> header(int width) {
        return List.of();
    }

    @Override
    public String row(JsonNode row, int width) throws Exception {
        return BacktraceText.render(row, width); // no Backtrace record per row: see BacktraceText
    }

    @Override
    public List<String> footer(JsonNode summary, int width) throws Exception {
        DumpSummary dump = RecordReader.read(summary, DumpSummary.class);
        // batch 1 is sent only by a JDK 25+ node, which takes each thread's stack from that thread
        // alone; pauses alone cannot tell (a JDK 17 node cancelled before its first pause sends 0)
        String taken = dump.batch() == 1 ? "each stack taken from its own thread alone, with no pause of the whole JVM"
                : "their stacks taken in " + Units.count(dump.pauses()) + " pause(s) of at most " + dump.batch()
                        + " threads";
        return Wrap.words(Units.count(dump.threads()) + " threads, " + taken + "; held java.util.concurrent locks not "
                + "looked for (process_info(Pid, backtrace) shows them)", Math.max(20, width));
    }
}
