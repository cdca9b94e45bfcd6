package dev.diag.shell.render;

import dev.diag.protocol.result.MailboxRow;
import dev.diag.protocol.result.Mailboxes;
import dev.diag.protocol.result.ProcessRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code regs()}: one line per mailbox, largest first as the node sent them, its owners
 * shortened to what fits the width (at most {@value #MAX_OWNERS_SHOWN} even where nothing is cut, as
 * in scripts: the rest as "… N more"), then the node's note on what it could not see.
 *
 * <pre>
 * NAME             KIND        SIZE  CAPACITY  OWNERS
 * async-logger     executor   1,000     1,000  &lt;23&gt; log-writer-1
 * request-handler  executor       0         -  &lt;31&gt; request-handler-1, &lt;32&gt; request-handler-2, … 6 more
 * </pre>
 */
public final class RegsView {
    private static final String[] HEADERS = {"NAME", "KIND", "SIZE", "CAPACITY", "OWNERS"};
    private static final int GAP = 2;
    private static final int MIN_OWNERS_WIDTH = 16;
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
        List<String[]> cells = new ArrayList<>(rows.size());
        int[] widths = new int[4];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADERS[c].length();
        }
        for (MailboxRow row : rows) {
            String[] first = {row.name(), row.kind(), Units.count(row.size()),
                    row.capacity() == null ? "-" : Units.count(row.capacity())};
            for (int c = 0; c < first.length; c++) {
                widths[c] = Math.max(widths[c], first[c].length());
            }
            cells.add(first);
        }
        int used = 0;
        for (int w : widths) {
            used += w + GAP;
        }
        int ownersWidth = Math.max(MIN_OWNERS_WIDTH, width - used);
        Table table = Table.of(List.of(Table.Align.LEFT, Table.Align.LEFT, Table.Align.RIGHT, Table.Align.RIGHT,
                Table.Align.LEFT), HEADERS);
        for (int i = 0; i < rows.size(); i++) {
            String[] first = cells.get(i);
            List<ProcessRef> owners = rows.get(i).owners();
            int total = ownerCounts == null || i >= ownerCounts.size() || ownerCounts.get(i) == null
                    ? owners.size() : Math.max(owners.size(), ownerCounts.get(i));
            table.row(first[0], first[1], first[2], first[3], owners(owners, total, ownersWidth));
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
