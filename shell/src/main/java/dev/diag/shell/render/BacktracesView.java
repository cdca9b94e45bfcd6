package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.Backtrace;
import dev.diag.protocol.result.DumpSummary;
import dev.diag.shell.functions.StreamView;
import java.util.List;

/** {@code backtraces()}: each thread as {@link BacktraceView} shows one, a blank line between, as they stream in. */
public final class BacktracesView implements StreamView {

    @Override
    public List<String> header(int width) {
        return List.of();
    }

    @Override
    public String row(JsonNode row, int width) throws Exception {
        return String.join(System.lineSeparator(), BacktraceView.render(RecordReader.read(row, Backtrace.class), width))
                + System.lineSeparator();
    }

    @Override
    public List<String> footer(JsonNode summary, int width) throws Exception {
        DumpSummary dump = RecordReader.read(summary, DumpSummary.class);
        return Wrap.words(Units.count(dump.threads()) + " threads, their stacks taken in " + Units.count(dump.pauses())
                + " pause(s) of at most " + dump.batch() + " threads; held java.util.concurrent locks not looked for "
                + "(process_info(Pid, backtrace) shows them)", Math.max(20, width));
    }
}
