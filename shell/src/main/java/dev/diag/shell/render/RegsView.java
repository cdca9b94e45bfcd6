package dev.diag.shell.render;

import dev.diag.protocol.result.MailboxRow;
import dev.diag.protocol.result.Mailboxes;
import dev.diag.protocol.result.ProcessRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code regs()}: one line per mailbox, largest first as the node sent them, its owners
 * shortened to what fits the width (at most {@value #MAX_OWNERS_SHOWN} even where nothing is cut, as
 * in scripts: the rest as "… N more"), then the node's note on what it could not see. SCHEDULED
 * (a scheduled executor's delayed tasks not yet due: not in SIZE) and BUSY (a web server pool's
 * busy threads of its most) are columns only when some mailbox has them.
 *
 * <pre>
 * NAME             KIND        SIZE  CAPACITY  OWNERS
 * async-logger     executor   1,000     1,000  &lt;23&gt; log-writer-1
 * request-handler  executor       0         -  &lt;31&gt; request-handler-1, &lt;32&gt; request-handler-2, … 6 more
 *
 * NAME                KIND      SIZE  CAPACITY  SCHEDULED   BUSY  OWNERS
 * http-nio-8080-exec  tomcat      80         -          -  20/20  &lt;41&gt; http-nio-8080-exec-1, … 19 more
 * Catalina-utility    executor     0         -          2      -  &lt;38&gt; Catalina-utility-1, … 1 more
 * </pre>
 */
public final class RegsView {
    private static final int GAP = 2;
    private static final int MIN_OWNERS_WIDTH = 16;
    private static final int MIN_OWNERS_CUT = 6;
    private static final int MIN_NAME_WIDTH = 8; // Table's
    /** Owners named on one line at most: a pool of 50 would make a 1,500-character line; i() lists them all. */
    static final int MAX_OWNERS_SHOWN = 5;

    private RegsView() {
    }

    public static List<String> render(Mailboxes result, int width) {
        return render(result, result.ownerCounts(), width);
    }

    /**
     * As {@link #render(Mailboxes, int)}, with how many threads drain each mailbox where the rows
     * name only some of them ({@code top()}); null: the rows name all that were sent.
     */
    static List<String> render(Mailboxes result, List<Integer> ownerCounts, int width) {
        List<String> lines = new ArrayList<>();
        if (result.mailboxes().isEmpty()) {
            lines.add("(none found)");
        } else {
            lines.addAll(table(result.mailboxes(), ownerCounts, width));
        }
        if (result.note() != null && !result.note().isBlank()) {
            lines.addAll(Wrap.words(result.note(), Math.max(20, width)));
        }
        return lines;
    }

    private static List<String> table(List<MailboxRow> rows, List<Integer> ownerCounts, int width) {
        // SCHEDULED and BUSY only where some mailbox has them: most nodes have neither
        boolean scheduled = rows.stream().anyMatch(r -> r.scheduled() != null);
        boolean busy = rows.stream().anyMatch(r -> r.threads() != null);
        List<String> headers = new ArrayList<>(List.of("NAME", "KIND", "SIZE", "CAPACITY"));
        List<Table.Align> aligns = new ArrayList<>(List.of(Table.Align.LEFT, Table.Align.LEFT, Table.Align.RIGHT,
                Table.Align.RIGHT));
        if (scheduled) {
            headers.add("SCHEDULED");
            aligns.add(Table.Align.RIGHT);
        }
        if (busy) {
            headers.add("BUSY");
            aligns.add(Table.Align.RIGHT);
        }
        headers.add("OWNERS");
        aligns.add(Table.Align.LEFT);
        List<String[]> cells = new ArrayList<>(rows.size());
        int[] widths = new int[headers.size() - 1];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
        }
        for (MailboxRow row : rows) {
            List<String> first = new ArrayList<>(List.of(row.name(), row.kind(), Units.count(row.size()),
                    row.capacity() == null ? "-" : Units.count(row.capacity())));
            if (scheduled) {
                first.add(row.scheduled() == null ? "-" : Units.count(row.scheduled()));
            }
            if (busy) {
                first.add(row.threads() == null ? "-"
                        : Units.count(row.threads().busy()) + "/" + Units.count(row.threads().max()));
            }
            for (int c = 0; c < first.size(); c++) {
                widths[c] = Math.max(widths[c], first.get(c).length());
            }
            cells.add(first.toArray(new String[0]));
        }
        int used = 0;
        for (int w : widths) {
            used += w + GAP;
        }
        // the table cuts names to 8 at the least; where even that leaves owners less than their
        // usual least (a narrow terminal, both extra columns), owners give way down to "<pid>…"
        int shortNames = used - widths[0] + Math.min(widths[0], MIN_NAME_WIDTH);
        int ownersWidth = width - used >= MIN_OWNERS_WIDTH ? width - used
                : Math.max(MIN_OWNERS_CUT, Math.min(MIN_OWNERS_WIDTH, width - shortNames));
        Table table = Table.of(aligns, headers.toArray(new String[0]));
        for (int i = 0; i < rows.size(); i++) {
            String[] line = java.util.Arrays.copyOf(cells.get(i), headers.size());
            List<ProcessRef> owners = rows.get(i).owners();
            int total = ownerCounts == null || i >= ownerCounts.size() || ownerCounts.get(i) == null
                    ? owners.size() : Math.max(owners.size(), ownerCounts.get(i));
            line[line.length - 1] = owners(owners, total, ownersWidth);
            table.row(line);
        }
        return table.render(width);
    }

    static String owners(List<ProcessRef> owners, int width) {
        return owners(owners, owners.size(), width);
    }

    /**
     * "&lt;31&gt; request-handler-1, &lt;32&gt; request-handler-2, … 6 more", at most {@code width}
     * characters and {@value #MAX_OWNERS_SHOWN} owners; {@code total} counts the owners the node did
     * not send too.
     */
    static String owners(List<ProcessRef> owners, int total, int width) {
        if (owners.isEmpty()) {
            return total == 0 ? "-" : "… " + Units.count(total) + " threads";
        }
        StringBuilder text = new StringBuilder();
        int shown = Math.min(owners.size(), MAX_OWNERS_SHOWN);
        for (int i = 0; i < shown; i++) {
            ProcessRef ref = owners.get(i);
            String owner = "<" + ref.pid() + ">" + (ref.name() == null ? "" : " " + ref.name());
            String separator = i == 0 ? "" : ", ";
            // Each owner is taken only if the "… N more" that may follow it still fits.
            String tail = more(total - i - 1);
            if (i > 0 && text.length() + separator.length() + owner.length() + tail.length() > width) {
                return fit(text.toString(), more(total - i), width);
            }
            text.append(separator).append(owner);
        }
        return fit(text.toString(), more(total - shown), width);
    }

    private static String more(int left) {
        return left <= 0 ? "" : ", … " + Units.count(left) + " more";
    }

    private static String fit(String text, String tail, int width) {
        if (text.length() + tail.length() <= width) {
            return text + tail;
        }
        int keep = Math.max(1, width - tail.length() - 1);
        return text.substring(0, Math.min(keep, text.length())) + "…" + tail;
    }
}
