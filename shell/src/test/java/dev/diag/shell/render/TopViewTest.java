package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.MailboxRow;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.TopProcess;
import dev.diag.protocol.result.TopSample;
import dev.diag.protocol.result.TopSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopViewTest {

    @Test
    void aFrameHasTheHeapWithItsSparklineTheProcessCountAndBothTables() {
        List<String> frame = TopView.frame(sample(3, 2), 120, 40);

        assertEquals("top() — sample 7, every 1.0 s; any key stops", frame.get(0));
        assertTrue(frame.get(1).startsWith("heap  40.0 MiB used of 64.0 MiB (max 128 MiB)  ") && frame.get(1).endsWith("▁▅█"),
                frame.get(1));
        assertEquals("processes  1,214", frame.get(2));
        assertTrue(frame.contains("BUSIEST (CPU in the last 1.0 s)") && frame.contains("MAILBOXES (largest)"), frame.toString());
        assertTrue(frame.stream().anyMatch(l -> l.matches("<100> +spinner +990 ms +99\\.0% +RUNNABLE +Spinner\\.spin")),
                frame.toString());
        assertTrue(frame.stream().anyMatch(l -> l.startsWith("box-0 ")), frame.toString());
    }

    @Test
    void aSmallTerminalKeepsTheHeadingsAndCutsTheTablesToFitItsHeightAndWidth() {
        List<String> frame = TopView.frame(sample(10, 5), 50, 14);

        assertTrue(frame.size() <= 13, "one line is left for the cursor: " + frame.size());
        assertTrue(frame.stream().allMatch(l -> l.length() <= 50), frame.toString());
        assertTrue(frame.get(0).startsWith("top() — sample 7") && frame.contains("processes  1,214"), frame.toString());
        assertTrue(frame.contains("BUSIEST (CPU in the last 1.0 s)"), frame.toString());
        assertTrue(frame.contains("MAILBOXES (largest)"), "the mailboxes keep a share of the screen: " + frame);
    }

    @Test
    void aTinyTerminalShowsTheHeadLinesOnly() {
        List<String> frame = TopView.frame(sample(10, 5), 30, 6);

        assertEquals(3, frame.size(), frame.toString());
        assertTrue(frame.stream().allMatch(l -> l.length() <= 30), frame.toString());
    }

    @Test
    void inAScriptEachSampleIsOneLineUnderOneHeader() throws Exception {
        TopView view = new TopView();
        JsonNode row = Json.mapper().valueToTree(sample(2, 1));

        assertTrue(view.header(120).get(0).startsWith("SAMPLE  HEAP USED/COMMITTED"), view.header(120).toString());
        assertEquals("7       40.0 MiB/64.0 MiB         1,214  <100> spinner 99.0%            box-0 40",
                view.row(row, 120));
        assertEquals(List.of("(3 samples)"), view.footer(Json.mapper().valueToTree(new TopSummary(3)), 120));
    }

    @Test
    void aScheduledExecutorWithManyDelayedTasksIsRankedByItsDueTasksAsTheNodeSentIt() {
        List<MailboxRow> boxes = List.of(
                new MailboxRow("qtp1234-exec", "jetty", 80, null, List.of(new ProcessRef(41, "qtp1234-41")), null,
                        new dev.diag.protocol.result.PoolThreads(200, 200)),
                new MailboxRow("Scheduler", "executor", 0, null, List.of(new ProcessRef(38, "Scheduler-1")), 100, null));
        TopSample s = new TopSample(1, 1000, 1, 2, 3, List.of(1L), 9, List.of(), boxes, null, null);

        List<String> frame = TopView.frame(s, 80, 30);
        int header = frame.indexOf("MAILBOXES (largest)") + 1;
        assertTrue(frame.get(header).contains("SCHEDULED") && frame.get(header).contains("BUSY"), frame.toString());
        assertTrue(frame.get(header + 1).startsWith("qtp1234-exec") && frame.get(header + 1).contains("200/200"),
                frame.toString());
        assertTrue(frame.stream().allMatch(l -> l.length() <= 80), frame.toString());
    }

    @Test
    void aMailboxSaysHowManyOwnersItHasBeyondTheFewTheSampleNames() {
        List<ProcessRef> three = List.of(new ProcessRef(31, "exec-1"), new ProcessRef(32, "exec-2"),
                new ProcessRef(33, "exec-3"));
        TopSample s = new TopSample(1, 1000, 1L << 20, 2L << 20, -1, List.of(1L << 20), 40, List.of(),
                List.of(new MailboxRow("exec", "executor", 100, null, three)), List.of(19), null);

        List<String> frame = TopView.frame(s, 120, 40);

        assertTrue(frame.stream().anyMatch(l -> l.endsWith("<31> exec-1, <32> exec-2, <33> exec-3, … 16 more")),
                frame.toString());
    }

    @Test
    void inAScriptTheBusiestKeepsItsWholeName() throws Exception {
        TopSample s = new TopSample(1, 1000, 1L << 20, 2L << 20, -1, List.of(1L << 20), 40,
                List.of(new TopProcess(100, "Log4j2-TF-1-AsyncLoggerConfig-1", "RUNNABLE", 900_000_000L, 0.9, "X.y")),
                List.of(), List.of(), null);

        String row = new TopView().row(Json.mapper().valueToTree(s), Integer.MAX_VALUE / 2);

        assertTrue(row.contains("<100> Log4j2-TF-1-AsyncLoggerConfig-1 90.0%"), row);
        String cut = new TopView().row(Json.mapper().valueToTree(s), 120);
        assertTrue(cut.contains("…") && cut.contains("Config-1 90.0%"), "a terminal keeps the tail: " + cut);
    }

    static TopSample sample(int busy, int boxes) {
        List<TopProcess> byCpu = new ArrayList<>();
        byCpu.add(new TopProcess(100, "spinner", "RUNNABLE", 990_000_000L, 0.99, "Spinner.spin"));
        for (int i = 1; i < busy; i++) {
            byCpu.add(new TopProcess(100 + i, "worker-" + i, "WAITING", 1_000_000L, 0.001, "Unsafe.park"));
        }
        List<MailboxRow> mailboxes = new ArrayList<>();
        for (int i = 0; i < boxes; i++) {
            mailboxes.add(new MailboxRow("box-" + i, "executor", 40 - i, 100, List.of(new ProcessRef(200 + i, "w"))));
        }
        return new TopSample(7, 1000, 40L << 20, 64L << 20, 128L << 20, List.of(10L, 20L, 30L), 1214, byCpu, mailboxes,
                mailboxes.stream().map(m -> m.owners().size()).toList(), null);
    }
}
