package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.ProcessRow;
import dev.diag.protocol.result.ProcessTotals;
import dev.diag.shell.functions.StreamView;
import java.io.IOException;
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
    static final String FORMAT = "%-9s %-25s %-13s %9s %10s %7s  %s";
    /** How errors name the row (JsonFields). */
    private static final String ROW = "ProcessRow";

    @Override
    public List<String> header(int width) {
        // laid out as the rows are, not by String.format: a one-shot call loaded the Formatter's classes for this line alone
        return List.of(fit(columns("PID", "NAME", "STATE", "HEAP", "CPU", "MSGS", "CURRENT FUNCTION"), width));
    }

    /**
     * One row, read straight from its JSON and laid out with plain appends: i() prints up to every
     * thread of the node, and a fresh shell JVM spent most of its time on 10,000 rows binding each
     * to a {@link ProcessRow} and parsing {@link #FORMAT} again ({@code String.format}). The line is
     * the one {@link #FORMAT} makes (IViewTest compares them); a missing pid, heap, CPU or flag, or
     * a field of the wrong type, is an error, as {@link RecordReader} has it.
     */
    @Override
    public String row(JsonNode json, int width) throws Exception {
        boolean virtual = bool(json, "virtual");
        String name = text(json, "name");
        if (virtual && (name == null || name.isEmpty())) {
            name = "(virtual)";
        }
        long heap = number(json, "heapBytes");
        long cpu = number(json, "cpuNanos");
        Integer msgs = JsonFields.optionalInt(json, "msgs", ROW);
        bool(json, "daemon");
        String function = text(json, "currentFunction");
        return fit(columns("<" + number(json, "pid") + ">", ThreadNames.column(name, 25, width),
                String.valueOf(text(json, "state")), heap < 0 ? "-" : Units.bytes(heap),
                cpu < 0 ? "-" : Units.millis(cpu / 1_000_000), msgs == null ? "-" : Units.count(msgs),
                function == null ? "" : function), width);
    }

    /** The columns as {@link #FORMAT} lays them out, with plain appends. */
    private static String columns(String pid, String name, String state, String heap, String cpu, String msgs,
            String function) {
        StringBuilder line = new StringBuilder(128);
        left(line, pid, 9);
        left(line, name, 25);
        left(line, state, 13);
        right(line, heap, 9);
        right(line, cpu, 10);
        right(line, msgs, 7);
        return line.append(' ').append(function).toString();
    }

    private static long number(JsonNode json, String field) throws IOException {
        return JsonFields.whole(json, field, ROW, false);
    }

    private static boolean bool(JsonNode json, String field) throws IOException {
        return JsonFields.bool(json, field, ROW);
    }

    private static String text(JsonNode json, String field) throws IOException {
        return JsonFields.text(json, field, ROW);
    }

    /** {@code text} then spaces to {@code room}, then the one space between columns: {@code %-Ns }. */
    private static void left(StringBuilder line, String text, int room) {
        line.append(text);
        for (int pad = room - text.length(); pad > 0; pad--) {
            line.append(' ');
        }
        line.append(' ');
    }

    /** Spaces, then {@code text} ending at {@code room}, then the space between columns: {@code %Ns }. */
    private static void right(StringBuilder line, String text, int room) {
        for (int pad = room - text.length(); pad > 0; pad--) {
            line.append(' ');
        }
        line.append(text).append(' ');
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
