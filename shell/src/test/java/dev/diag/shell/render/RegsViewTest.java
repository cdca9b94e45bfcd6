package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.MailboxRow;
import dev.diag.protocol.result.Mailboxes;
import dev.diag.protocol.result.PoolThreads;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.shell.expr.Call;
import dev.diag.shell.functions.FunctionTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegsViewTest {
    private static final Mailboxes TYPICAL = new Mailboxes(List.of(
            new MailboxRow("async-logger", "executor", 1000, 1000, List.of(new ProcessRef(23, "log-writer-1"))),
            new MailboxRow("audit", "registered", 42, null, List.of(new ProcessRef(40, "audit-writer"))),
            new MailboxRow("ForkJoinPool.commonPool", "fork_join", 0, null, List.of())), null, List.of(1, 1, 0));

    @Test
    void rendersOneAlignedRowPerMailboxInTheNodesOrder() {
        assertEquals(List.of(
                "NAME                     KIND         SIZE  CAPACITY  OWNERS",
                "async-logger             executor    1,000     1,000  <23> log-writer-1",
                "audit                    registered     42         -  <40> audit-writer",
                "ForkJoinPool.commonPool  fork_join       0         -  -"), RegsView.render(TYPICAL, 100));
    }

    @Test
    void saysNoneFoundWhenThereAreNoMailboxes() {
        assertEquals(List.of("(none found)"), RegsView.render(new Mailboxes(List.of(), null), 80));
    }

    @Test
    void printsTheNodesNoteOnItsOwnLinesAfterTheTable() {
        String note = "Thread-pool executors could not be found because the JDK's internals are not open to diag "
                + "(start the JVM with -javaagent:diag-agent.jar, or inject the agent).";
        List<String> lines = RegsView.render(new Mailboxes(List.of(), note), 60);
        assertEquals("(none found)", lines.get(0));
        assertEquals(note, String.join(" ", lines.subList(1, lines.size())));
        lines.forEach(line -> assertTrue(line.length() <= 60, line));
    }

    @Test
    void shortensOwnersToTheWidthAndSaysHowManyMore() {
        List<ProcessRef> owners = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            owners.add(new ProcessRef(30 + i, "request-handler-" + i));
        }
        Mailboxes handlers = new Mailboxes(List.of(new MailboxRow("request-handler", "executor", 412, null, owners)), null);

        List<String> lines = RegsView.render(handlers, 100);
        assertEquals("request-handler  executor   412         -  <31> request-handler-1, <32> request-handler-2, … 6 more",
                lines.get(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void keepsEveryLineWithinTheWidthWhenTheNamesAllow(int width) {
        List<ProcessRef> owners = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            owners.add(new ProcessRef(100 + i, "worker-" + i));
        }
        Mailboxes many = new Mailboxes(List.of(new MailboxRow("workers", "executor", 12, 100, owners)), null);
        for (String line : RegsView.render(many, width)) {
            assertTrue(line.length() <= width, width + ": " + line);
        }
    }

    @Test
    void inScriptsAManyOwneredMailboxNamesAFewAndSaysHowManyMore() {
        List<ProcessRef> owners = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            owners.add(new ProcessRef(100 + i, "http-nio-8080-exec-" + i));
        }
        Mailboxes many = new Mailboxes(List.of(new MailboxRow("http-nio-8080-exec", "executor", 100, null, owners)), null);

        String line = RegsView.render(many, Integer.MAX_VALUE / 2).get(1);

        assertTrue(line.endsWith("<105> http-nio-8080-exec-5, … 45 more"), line);
        assertTrue(line.length() < 250, line.length() + ": " + line);
    }

    @Test
    void countsTheOwnersTheNodeDidNotSend() {
        List<ProcessRef> sent = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            sent.add(new ProcessRef(100 + i, "request-handler-" + i));
        }
        Mailboxes pool = new Mailboxes(List.of(new MailboxRow("request-handler", "executor", 0, 0, sent)), null,
                List.of(1_128));

        String line = RegsView.render(pool, Integer.MAX_VALUE / 2).get(1);

        assertTrue(line.endsWith("<105> request-handler-5, … 1,123 more"), line);
    }

    @Test
    void showsAnOwnerTheNodeCouldNotNameByItsPidAlone() {
        assertEquals("<17>", RegsView.owners(List.of(new ProcessRef(17, null)), 40));
        assertEquals("<17>, <18> b", RegsView.owners(List.of(new ProcessRef(17, null), new ProcessRef(18, "b")), 40));
        assertEquals("-", RegsView.owners(List.of(), 40));
    }

    private static final Mailboxes WEB_SERVER = new Mailboxes(List.of(
            new MailboxRow("http-nio-8080-exec", "tomcat", 80, null, List.of(new ProcessRef(41, "http-nio-8080-exec-1")),
                    null, new PoolThreads(20, 20)),
            new MailboxRow("Catalina-utility", "executor", 0, null, List.of(new ProcessRef(38, "Catalina-utility-1")),
                    1234, null)), null);

    @Test
    void showsScheduledAndBusyInColumnsOfTheirOwnOnlyWhereSomeMailboxHasThem() {
        assertEquals(List.of(
                "NAME                KIND      SIZE  CAPACITY  SCHEDULED   BUSY  OWNERS",
                "http-nio-8080-exec  tomcat      80         -          -  20/20  <41> http-nio-8080-exec-1",
                "Catalina-utility    executor     0         -      1,234      -  <38> Catalina-utility-1"),
                RegsView.render(WEB_SERVER, 100));
        assertTrue(RegsView.render(TYPICAL, 100).get(0).endsWith("CAPACITY  OWNERS"), "no empty columns");
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void theExtraColumnsStillFitTheWidth(int width) {
        for (String line : RegsView.render(WEB_SERVER, width)) {
            assertTrue(line.length() <= width, width + ": " + line);
        }
    }

    @Test
    void readsAnAnswerFromAnAgentThatSendsNoScheduledOrBusy() throws Exception {
        JsonNode json = Json.mapper().readTree("{\"mailboxes\":[{\"name\":\"q\",\"kind\":\"executor\",\"size\":3,"
                + "\"owners\":[]}]}");
        Mailboxes old = RecordReader.read(json, Mailboxes.class);
        assertEquals(new MailboxRow("q", "executor", 3, null, List.of()), old.mailboxes().get(0));
        assertEquals("NAME  KIND      SIZE  CAPACITY  OWNERS", RegsView.render(old, 80).get(0));
    }

    @Test
    void rendersTheResultAsTheAgentSendsIt() throws Exception {
        JsonNode json = Json.mapper().valueToTree(TYPICAL);
        assertEquals(TYPICAL, RecordReader.read(json, Mailboxes.class));
        List<String> lines = FunctionTable.standard().find("regs").orElseThrow().renderer().render(new Call(null, "regs", List.of()), json, 100);
        assertEquals(RegsView.render(TYPICAL, 100), lines);
    }
}
