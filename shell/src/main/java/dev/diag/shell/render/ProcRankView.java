package dev.diag.shell.render;

import dev.diag.protocol.result.ProcCount;
import dev.diag.protocol.result.ProcWindow;
import dev.diag.protocol.result.RankedProcess;
import dev.diag.protocol.result.WindowedProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code recon:proc_count} and {@code recon:proc_window}: the winners, largest first, in the unit
 * of their attribute, then one line on what was ranked and the node's note. The current function
 * takes whatever width is left.
 *
 * <pre>
 * PID   NAME     CPU IN WINDOW  CORE   CPU TOTAL  STATE     CURRENT FUNCTION
 * &lt;23&gt;  spinner         998 ms  99.8%     12.3 s  RUNNABLE  Spinner.spin
 * (window of 1,000 ms, 1,002 ms measured: 14 threads ranked; 1 born in it, counted from zero; 0 ended, left out)
 * </pre>
 */
public final class ProcRankView {
    private static final List<Table.Align> ALIGNS = List.of(Table.Align.LEFT, Table.Align.LEFT, Table.Align.RIGHT,
            Table.Align.LEFT, Table.Align.LEFT);
    private static final List<Table.Align> WINDOW_ALIGNS = List.of(Table.Align.LEFT, Table.Align.LEFT,
            Table.Align.RIGHT, Table.Align.RIGHT, Table.Align.RIGHT, Table.Align.LEFT, Table.Align.LEFT);

    private ProcRankView() {
    }

    public static List<String> render(ProcCount result, int width) {
        Table table = Table.of(ALIGNS, "PID", "NAME", heading(result.attribute()), "STATE", "CURRENT FUNCTION");
        for (RankedProcess p : result.processes()) {
            table.row("<" + p.pid() + ">", name(p.name(), width), amount(result.attribute(), p.value()), state(p.state()),
                    function(p.currentFunction()));
        }
        return finish(table, result.processes().isEmpty(), "(" + threads(result.threads()) + " ranked by "
                + meaning(result.attribute()) + ")", result.note(), width);
    }

    public static List<String> render(ProcWindow result, int width) {
        String attribute = result.attribute();
        Table table = Table.of(WINDOW_ALIGNS, "PID", "NAME", heading(attribute) + " IN WINDOW",
                attribute.equals("reductions") ? "CORE" : "PER SECOND", heading(attribute) + " NOW", "STATE",
                "CURRENT FUNCTION");
        for (WindowedProcess p : result.processes()) {
            table.row("<" + p.pid() + ">", name(p.name(), width), amount(attribute, p.delta()), rate(attribute, p.perSecond()),
                    amount(attribute, p.value()), state(p.state()), function(p.currentFunction()));
        }
        String ranked = "(window of " + Units.count(result.windowMillis()) + " ms, " + Units.count(result.measuredMillis())
                + " ms measured: " + threads(result.threads()) + " ranked by " + meaning(attribute)
                + " in it; " + Units.count(result.born()) + " born in it, counted from zero; "
                + Units.count(result.died()) + " ended, left out)";
        return finish(table, result.processes().isEmpty(), ranked, result.note(), width);
    }

    private static List<String> finish(Table table, boolean empty, String ranked, String note, int width) {
        List<String> lines = new ArrayList<>();
        if (empty) {
            lines.add("(no thread to rank)");
        } else {
            for (String line : table.render(Integer.MAX_VALUE)) {
                lines.add(IView.cut(line, Math.max(20, width))); // only the last column, the function, is cut
            }
        }
        lines.addAll(Wrap.words(ranked, Math.max(20, width)));
        if (note != null && !note.isBlank()) {
            lines.addAll(Wrap.words(note, Math.max(20, width)));
        }
        return lines;
    }

    private static String threads(int n) {
        return Units.count(n) + (n == 1 ? " thread" : " threads");
    }

    static String heading(String attribute) {
        return switch (attribute) {
            case "reductions" -> "CPU";
            case "memory" -> "ALLOCATED";
            default -> "MSGS";
        };
    }

    private static String meaning(String attribute) {
        return switch (attribute) {
            case "reductions" -> "CPU time (reductions)";
            case "memory" -> "bytes allocated (memory)";
            default -> "mailbox size (message_queue_len); only threads that drain a mailbox";
        };
    }

    /** A value in its attribute's unit: CPU nanoseconds as time, bytes as bytes, tasks as a count. */
    static String amount(String attribute, long value) {
        return switch (attribute) {
            case "reductions" -> Units.millis(value / 1_000_000);
            case "memory" -> Units.bytes(value);
            default -> Units.count(value);
        };
    }

    /** Growth per second: CPU as a share of one core, bytes and tasks per second. */
    static String rate(String attribute, double perSecond) {
        return switch (attribute) {
            case "reductions" -> Units.percent(perSecond / 1e9);
            case "memory" -> Units.bytes(Math.round(perSecond)) + "/s";
            default -> (Math.abs(perSecond) >= 10 ? Units.count(Math.round(perSecond))
                    : String.format(java.util.Locale.ROOT, "%.1f", perSecond)) + "/s";
        };
    }

    private static String name(String name, int width) {
        return name == null ? "(ended)" : ThreadNames.column(name, 30, width);
    }

    private static String state(String state) {
        return state == null ? "-" : state;
    }

    private static String function(String function) {
        return function == null ? "" : function;
    }
}
