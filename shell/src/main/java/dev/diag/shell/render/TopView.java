package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.MailboxRow;
import dev.diag.protocol.result.TopProcess;
import dev.diag.protocol.result.TopSample;
import dev.diag.protocol.result.TopSummary;
import dev.diag.shell.functions.LiveView;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code top()}: in the console a screen redrawn each second, cut to the terminal's width and
 * height (the busiest threads give way first, then the mailboxes); in scripts one line a sample.
 *
 * <pre>
 * top() — sample 12, every 1.0 s; any key stops
 * heap  41.2 MiB used of 64.0 MiB (max 128 MiB)  ▂▃▄▅▆▇█▁▂▃
 * processes  1,214
 *
 * BUSIEST (CPU in the last 1.0 s)
 * PID   NAME     CPU     CORE  STATE     CURRENT FUNCTION
 * &lt;23&gt;  spinner  998 ms  99.8%  RUNNABLE  Spinner.spin
 * </pre>
 */
public final class TopView implements LiveView {
    private static final String LINE = "%-7s %-21s %9s  %-30s %s";
    private static final List<Table.Align> BUSY = List.of(Table.Align.LEFT, Table.Align.LEFT, Table.Align.RIGHT,
            Table.Align.RIGHT, Table.Align.LEFT, Table.Align.LEFT);

    @Override
    public List<String> frame(JsonNode row, int width, int height) throws Exception {
        return frame(RecordReader.read(row, TopSample.class), width, height);
    }

    /** The whole screen for one sample: at most {@code height - 1} lines, none wider than {@code width}. */
    public static List<String> frame(TopSample s, int width, int height) {
        int w = Math.max(20, width);
        List<String> top = new ArrayList<>();
        top.add("top() — sample " + Units.count(s.sample()) + ", every " + Units.millis(s.intervalMillis())
                + "; any key stops");
        String heap = "heap  " + Units.bytes(s.heapUsed()) + " used of " + Units.bytes(s.heapCommitted())
                + (s.heapMax() < 0 ? "" : " (max " + Units.bytes(s.heapMax()) + ")") + "  ";
        top.add(heap + Sparkline.of(s.heapHistory(), w - heap.length()));
        top.add("processes  " + Units.count(s.processes()));
        List<String> notes = s.note() == null ? List.of() : Wrap.words(s.note(), w);
        List<String> busy = busiest(s, w);
        List<String> boxes = s.mailboxes().isEmpty() ? List.of() : RegsView.render(
                new dev.diag.protocol.result.Mailboxes(s.mailboxes(), null), s.mailboxOwners(), w);
        int room = Math.max(0, height - 1 - top.size() - notes.size());
        // the two tables share what is left: mailboxes keep up to a third, the busiest the rest
        int boxRoom = boxes.isEmpty() ? 0 : Math.min(boxes.size() + 2, Math.max(0, room / 3));
        int busyRoom = Math.min(busy.size() + 2, room - boxRoom);
        boxRoom = Math.min(boxes.size() + 2, room - busyRoom);
        List<String> lines = new ArrayList<>(top);
        section(lines, "BUSIEST (CPU in the last " + Units.millis(s.intervalMillis()) + ")", busy, busyRoom);
        section(lines, "MAILBOXES (largest)", boxes, boxRoom);
        lines.addAll(notes);
        List<String> fitted = new ArrayList<>(lines.size());
        for (String line : lines.subList(0, Math.min(lines.size(), Math.max(1, height - 1)))) {
            fitted.add(IView.cut(line, w));
        }
        return fitted;
    }

    private static void section(List<String> lines, String title, List<String> table, int room) {
        if (room < 3 || table.isEmpty()) {
            return; // a blank line, a title and a header with no row would say nothing
        }
        lines.add("");
        lines.add(title);
        lines.addAll(table.subList(0, Math.min(table.size(), room - 2)));
    }

    private static List<String> busiest(TopSample s, int width) {
        Table table = Table.of(BUSY, "PID", "NAME", "CPU", "CORE", "STATE", "CURRENT FUNCTION");
        for (TopProcess p : s.byCpu()) {
            table.row("<" + p.pid() + ">", p.name() == null ? "(ended)" : ThreadNames.column(p.name(), 30, width),
                    Units.millis(p.cpuNanos() / 1_000_000), Units.percent(p.coreShare()),
                    p.state() == null ? "-" : p.state(), p.currentFunction() == null ? "" : p.currentFunction());
        }
        return s.byCpu().isEmpty() ? List.of() : table.render(Integer.MAX_VALUE);
    }

    @Override
    public List<String> header(int width) {
        return List.of(IView.cut(String.format(LINE, "SAMPLE", "HEAP USED/COMMITTED", "PROCESSES",
                "BUSIEST (CORE SHARE)", "LARGEST MAILBOX").stripTrailing(), Math.max(20, width)));
    }

    @Override
    public String row(JsonNode json, int width) throws Exception {
        TopSample s = RecordReader.read(json, TopSample.class);
        String busiest = s.byCpu().isEmpty() ? "-" : busy(s.byCpu().get(0), width);
        MailboxRow box = s.mailboxes().isEmpty() ? null : s.mailboxes().get(0);
        return IView.cut(String.format(LINE, Units.count(s.sample()), Units.bytes(s.heapUsed()) + "/"
                + Units.bytes(s.heapCommitted()), Units.count(s.processes()), busiest,
                box == null ? "-" : box.name() + " " + Units.count(box.size())).stripTrailing(), Math.max(20, width));
    }

    /** "&lt;23&gt; spinner 99.8%" in the column's 30 characters on a terminal, whole in scripts. */
    private static String busy(TopProcess p, int width) {
        String pid = "<" + p.pid() + "> ";
        String share = " " + Units.percent(p.coreShare());
        return pid + ThreadNames.column(p.name(), Math.max(8, 30 - pid.length() - share.length()), width) + share;
    }

    @Override
    public List<String> footer(JsonNode summary, int width) throws Exception {
        int samples = RecordReader.read(summary, TopSummary.class).samples();
        return List.of("(" + Units.count(samples) + (samples == 1 ? " sample" : " samples") + ")");
    }
}
