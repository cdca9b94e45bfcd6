package dev.diag.shell.render;

import dev.diag.protocol.result.ProcessGroup;
import dev.diag.protocol.result.ProcessGroups;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code groups()}: one heading line per group (count, kind, state, lock class, example),
 * its top frames indented under it, then what was left out and how the groups were made. A count
 * scaled from a sample starts with ~. No I/O.
 *
 * <pre>
 * 1,000,013 processes: 13 platform, 1,000,000 virtual; biggest groups first
 *      COUNT  KIND     STATE          LOCK                  EXAMPLE
 *    500,000  virtual  TIMED_WAITING  -                     &lt;35&gt; sleeper-0
 *               Thread.sleep(Thread.java:540)
 * </pre>
 */
public final class GroupsView {
    private static final String[] HEADERS = {"COUNT", "KIND", "STATE", "LOCK", "EXAMPLE"};
    private static final String INDENT = "             ";

    private GroupsView() {
    }

    public static List<String> render(ProcessGroups result, int width) {
        int w = Math.max(40, width);
        List<String> lines = new ArrayList<>();
        lines.add(fit(Units.count(result.processes()) + " processes: " + Units.count(result.platform()) + " platform, "
                + Units.count(result.virtual()) + " virtual; biggest groups first", w));
        List<String[]> heads = new ArrayList<>();
        int[] widths = new int[HEADERS.length - 1];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADERS[c].length();
        }
        for (ProcessGroup group : result.groups()) {
            String[] head = {(group.estimated() ? "~" : "") + Units.count(group.count()), group.kind(), group.state(),
                    group.lock() == null ? "-" : simpleName(group.lock())};
            for (int c = 0; c < head.length; c++) {
                widths[c] = Math.max(widths[c], head[c].length());
            }
            heads.add(head);
        }
        lines.add(fit(heading(HEADERS, widths), w));
        for (int i = 0; i < heads.size(); i++) {
            ProcessGroup group = result.groups().get(i);
            String[] head = heads.get(i);
            String example = "<" + group.examplePid() + ">" + (blank(group.exampleName()) ? "" : " " + group.exampleName());
            lines.add(fit(heading(new String[] {head[0], head[1], head[2], head[3], example}, widths), w));
            if (group.frames().isEmpty()) {
                lines.add(fit(INDENT + "(no Java frames)", w));
            }
            for (String frame : group.frames()) {
                lines.add(fit(INDENT + frame, w));
            }
        }
        if (result.groupsLeftOut() > 0) {
            lines.add(fit("… " + Units.count(result.groupsLeftOut()) + " more groups of " + Units.count(result.processesLeftOut())
                    + " processes: groups(" + (result.groups().size() + result.groupsLeftOut()) + ") shows them all", w));
        }
        lines.addAll(Wrap.words("stacks walked: " + Units.count(result.stacksTaken()) + " (" + result.method() + "); node time "
                + Units.millis(result.nodeMillis()), w));
        if (!blank(result.note())) {
            lines.addAll(Wrap.words("note: " + result.note(), w));
        }
        return lines;
    }

    /** COUNT right-aligned, the other columns left-aligned, two spaces apart; the last column as long as it is. */
    private static String heading(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        line.append(" ".repeat(widths[0] - cells[0].length())).append(cells[0]);
        for (int c = 1; c < cells.length; c++) {
            line.append("  ").append(cells[c]);
            if (c < widths.length) {
                line.append(" ".repeat(widths[c] - cells[c].length()));
            }
        }
        return line.toString().stripTrailing();
    }

    /** {@code java.util.concurrent.CountDownLatch$Sync} → {@code CountDownLatch$Sync}: the package adds width, not meaning. */
    static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String fit(String line, int width) {
        return IView.cut(line, width);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
