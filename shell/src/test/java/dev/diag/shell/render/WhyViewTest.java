package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.Finding;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.WhyReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhyViewTest {
    private static final String CHECKED = "Not shutting down, no deadlock, 1 mailbox(es) (largest ASYNC 0/256 (0%)), "
            + "heap 12% of max, GC 0% of the window, 30 of 32,768 threads (pidMax).";
    private static final Finding MAILBOX = new Finding(Finding.MAILBOX, "Mailbox ASYNC is full (256 of 256), drained by "
            + "<14> AsyncAppender-Worker-ASYNC in SlowAppender.append → Thread.sleep.", 50,
            List.of("size 256/256 (100%) (logback)", "growth over 500 ms: +0 (256 → 256), net +0/s"),
            List.of(new ProcessRef(14, "AsyncAppender-Worker-ASYNC"), new ProcessRef(15, "request-handler-1")),
            "process_info(<14>, backtrace)");
    private static final Finding SPINNING = new Finding(Finding.SPINNING, "<21> spinner uses 98% of a core, in "
            + "Busy.spin.", 0, List.of("CPU 490 ms in the 500 ms window (98% of a core)"),
            List.of(new ProcessRef(21, "spinner")), "process_info(<21>, current_stacktrace)");

    @Test
    void saysPlainlyWhenNothingLooksWrongWithTheFiguresChecked() {
        List<String> lines = WhyView.render(new WhyReport(List.of(), 512, 37, CHECKED), 300);
        assertEquals(List.of("Nothing looks wrong: not shutting down, no deadlock, 1 mailbox(es) (largest ASYNC 0/256 "
                + "(0%)), heap 12% of max, GC 0% of the window, 30 of 32,768 threads (pidMax). (sampled 512 ms, 37 ms "
                + "on the node apart from it)"), lines);
    }

    @Test
    void showsOneBlockPerFindingWithEvidencePidsAndTheNextCall() {
        List<String> lines = WhyView.render(new WhyReport(List.of(MAILBOX, SPINNING), 500, 40, CHECKED), 300);
        assertEquals(List.of(
                "1. mailbox: Mailbox ASYNC is full (256 of 256), drained by <14> AsyncAppender-Worker-ASYNC in "
                        + "SlowAppender.append → Thread.sleep. (holds up 50)",
                "     size 256/256 (100%) (logback)",
                "     growth over 500 ms: +0 (256 → 256), net +0/s",
                "   pids: <14> AsyncAppender-Worker-ASYNC, <15> request-handler-1",
                "   next: process_info(<14>, backtrace)",
                "",
                "2. spinning: <21> spinner uses 98% of a core, in Busy.spin. (holds up 0)",
                "     CPU 490 ms in the 500 ms window (98% of a core)",
                "   pids: <21> spinner",
                "   next: process_info(<21>, current_stacktrace)",
                "",
                "Checked: not shutting down, no deadlock, 1 mailbox(es) (largest ASYNC 0/256 (0%)), heap 12% of max, "
                        + "GC 0% of the window, 30 of 32,768 threads (pidMax). (sampled 500 ms, 40 ms on the node apart "
                        + "from it)"), lines);
    }

    @Test
    void fitsTheWidthEvenWithAWordWiderThanIt() {
        Finding wide = new Finding(Finding.CONVOY, "5 processes wait for Object held by <3> "
                + "a-thread-name-far-wider-than-any-terminal-anyone-uses-for-a-console-today in X.y.", 5,
                List.of("held by <3> a-thread-name-far-wider-than-any-terminal-anyone-uses-for-a-console-today"),
                List.of(new ProcessRef(3, "a-thread-name-far-wider-than-any-terminal-anyone-uses-for-a-console-today")),
                "process_info(<3>, backtrace)");
        List<String> lines = WhyView.render(new WhyReport(List.of(wide), 500, 40, CHECKED), 40);
        for (String line : lines) {
            assertTrue(line.length() <= 40, "wider than 40: " + line);
        }
        assertTrue(String.join("", lines).replace(" ", "").contains("console-today"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("   next: process_info(<3>,")), lines.toString());
    }
}
