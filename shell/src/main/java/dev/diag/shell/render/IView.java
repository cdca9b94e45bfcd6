package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.ProcessRow;
import dev.diag.protocol.result.ProcessTotals;
import dev.diag.shell.functions.StreamView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code i()}: one line per process as rows stream in, in fixed columns (later rows are not known
 * when the first prints), then a totals line. The current function takes whatever width is left.
 *
 * <pre>
 * PID       NAME                      STATE              HEAP        CPU    MSGS  CURRENT FUNCTION
 * &lt;23&gt;      log-writer                TIMED_WAITING  1.20 MiB     340 ms   1,000  Thread.sleep
 * </pre>
 */
public final class IView implements StreamView {
    // wide enough for a 7-digit pid (a million virtual threads' ids), "1 min 10 s" of CPU and
    // 999,999 messages: streamed rows cannot widen a column once the header is printed
    private static final String FORMAT = "%-9s %-25s %-13s %9s %10s %7s  %s";

    @Override
    public List<String> header(int width) {
        return List.of(fit(String.format(FORMAT, "PID", "NAME", "STATE", "HEAP", "CPU", "MSGS", "CURRENT FUNCTION"), width));
    }

    @Override
    public String row(JsonNode json, int width) throws Exception {
        ProcessRow row = RecordReader.read(json, ProcessRow.class);
        String name = row.virtual() && (row.name() == null || row.name().isEmpty()) ? "(virtual)" : row.name();
        return fit(String.format(FORMAT, "<" + row.pid() + ">", ThreadNames.column(name, 25, width), row.state(),
                row.heapBytes() < 0 ? "-" : Units.bytes(row.heapBytes()),
                row.cpuNanos() < 0 ? "-" : Units.millis(row.cpuNanos() / 1_000_000),
                row.msgs() == null ? "-" : Units.count(row.msgs()),
                row.currentFunction() == null ? "" : row.currentFunction()), width);
    }

    @Override
    public List<String> footer(JsonNode summary, int width) throws Exception {
        ProcessTotals totals = RecordReader.read(summary, ProcessTotals.class);
        List<String> states = new ArrayList<>();
        for (Map.Entry<String, Integer> state : totals.states().entrySet()) {
            states.add(state.getKey() + " " + Units.count(state.getValue()));
        }
        List<String> lines = new ArrayList<>();
        String virtual = totals.virtual() == null || totals.virtual() == 0 ? ""
                : " (" + Units.count(totals.virtual()) + " virtual: heap and cpu not measured by the JVM)";
        lines.addAll(Wrap.words("Total: " + Units.count(totals.processes()) + " processes" + virtual + ", heap "
                + Units.bytes(totals.heapBytes()) + " allocated, cpu " + Units.millis(totals.cpuNanos() / 1_000_000)
                + ", msgs " + Units.count(totals.msgs()) + " queued (" + String.join(", ", states) + ")", width));
        if (totals.method() != null) {
            lines.addAll(Wrap.words("(" + totals.method()
                    + (totals.nodeMillis() == null ? "" : "; " + Units.millis(totals.nodeMillis()) + " on the node")
                    + ")", width));
        }
        if (totals.note() != null) {
            lines.addAll(Wrap.words("note: " + totals.note(), width));
        }
        return lines;
    }

    static String cut(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String fit(String line, int width) {
        return cut(line.stripTrailing(), Math.max(20, width));
    }
}
