package dev.diag.shell.render;

import dev.diag.protocol.result.Finding;
import dev.diag.protocol.result.WhyReport;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code why()}: one block per finding, most processes held up first: the summary, the evidence
 * indented, the pids involved and the next call to make. A healthy node gets one plain sentence
 * with the figures checked. Every line is wrapped to the width; nothing is cut.
 *
 * <pre>
 * 1. mailbox: Mailbox ASYNC is full (256/256 (100%)), drained by &lt;11&gt; AsyncAppender-Worker-ASYNC in
 *    SlowAppender.append → Thread.sleep.  (holds up 40)
 *      size 256/256 (100%) (logback)
 *      …
 *    pids: &lt;11&gt; AsyncAppender-Worker-ASYNC, &lt;23&gt; http-nio-8080-exec-1, …
 *    next: process_info(&lt;11&gt;, backtrace)
 * </pre>
 */
public final class WhyView {
    private static final String BODY = "   ";
    private static final String EVIDENCE = "     ";

    private WhyView() {
    }

    public static List<String> render(WhyReport report, int width) {
        int w = Math.max(30, width);
        List<String> lines = new ArrayList<>();
        String window = "sampled " + report.windowMillis() + " ms, " + report.nodeMillis() + " ms on the node apart from it";
        if (report.findings().isEmpty()) {
            indented(lines, "", "Nothing looks wrong: " + uncapitalised(report.note()) + " (" + window + ")", w, "");
            return lines;
        }
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            if (i > 0) {
                lines.add("");
            }
            indented(lines, "", (i + 1) + ". " + f.kind() + ": " + f.summary() + " (holds up " + f.heldUp() + ")", w,
                    BODY);
            for (String fact : f.evidence()) {
                indented(lines, EVIDENCE, fact, w, EVIDENCE + "  ");
            }
            if (!f.pids().isEmpty()) {
                List<String> refs = new ArrayList<>();
                f.pids().forEach(p -> refs.add("<" + p.pid() + ">" + (p.name() == null ? "" : " " + p.name())));
                indented(lines, BODY, "pids: " + String.join(", ", refs), w, BODY + "      ");
            }
            indented(lines, BODY, "next: " + f.next(), w, BODY + "      ");
        }
        lines.add("");
        indented(lines, "", "Checked: " + uncapitalised(report.note()) + " (" + window + ")", w, "");
        return lines;
    }

    /** {@code text} wrapped to the width, its first line after {@code first}, the rest after {@code rest}. */
    private static void indented(List<String> lines, String first, String text, int width, String rest) {
        int room = Math.max(10, width - rest.length());
        List<String> wrapped = new ArrayList<>();
        for (String line : Wrap.words(text, room)) {
            for (int at = 0; at < line.length() || at == 0; at += room) { // a word wider than the room is cut, not lost
                wrapped.add(line.substring(at, Math.min(line.length(), at + room)));
            }
        }
        for (int i = 0; i < wrapped.size(); i++) {
            lines.add((i == 0 ? first : rest) + wrapped.get(i));
        }
    }

    private static String uncapitalised(String note) {
        if (note == null || note.isEmpty()) {
            return "";
        }
        return Character.toLowerCase(note.charAt(0)) + note.substring(1);
    }
}
