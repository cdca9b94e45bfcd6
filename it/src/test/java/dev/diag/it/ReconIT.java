package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * recon:proc_count, recon:proc_window and top() in scripts, against a target with a thread that
 * spins ("spinner") and one that allocates ("allocator"), on JDK 17 and on a JDK 21+ target (25
 * here), where virtual threads are said to be out of the ranking.
 */
class ReconIT {

    @ParameterizedTest(name = "on JDK {0}")
    @ValueSource(strings = {"17", "21+"})
    void namesTheSpinnerByCpuAndTheAllocatorByMemory(String jdk) throws Exception {
        Path java = jdk.equals("17") ? Jdks.current() : Jdks.requireModern();
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = busy(java, home)) {
            Thread.sleep(1000); // let the spinner's total pass what the JVM's own threads spent starting up

            JsonNode count = result(home, "recon:proc_count(reductions, 3)");
            assertEquals("spinner", count.get("processes").get(0).get("name").asText(), count.toString());
            assertEquals(3, count.get("processes").size());

            JsonNode cpu = result(home, "proc_window(reductions, 3, 500)");
            JsonNode first = cpu.get("processes").get(0);
            assertEquals("spinner", first.get("name").asText(), cpu.toString());
            assertTrue(first.get("delta").asLong() > 0 && first.get("delta").asLong() <= first.get("value").asLong());
            assertTrue(cpu.get("measuredMillis").asLong() >= 500, cpu.toString());

            JsonNode memory = result(home, "recon:proc_window(memory, 3, 500)");
            assertEquals("allocator", memory.get("processes").get(0).get("name").asText(), memory.toString());
            assertEquals("BusyTarget.allocate", memory.get("processes").get(0).get("currentFunction").asText());

            boolean modern = !jdk.equals("17");
            String note = cpu.path("note").asText("");
            assertEquals(modern, note.contains("Virtual threads are not ranked"), cpu.toString());

            DiagCli.Run table = DiagCli.run(home, "--node", "busy", "--cmd", "proc_window(reductions, 3, 500)");
            assertEquals(0, table.exit(), table::toString);
            assertTrue(table.outLines().get(0).startsWith("PID ") && table.outLines().get(1).contains("spinner"),
                    table::toString);
            assertTrue(table.out().contains("(window of 500 ms,"), table::toString);
            assertTrue(target.isAlive());
        }
    }

    @Test
    void messageQueueLenRanksTheThreadsThatDrainTheFullestMailboxes() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(Jdks.current(), home, "mailboxes", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.MailboxTarget")) {
            // The agent listens before main() has filled the mailboxes and registered the audit bean.
            target.awaitLineAfter(0, "mailbox target ready");
            JsonNode count = result(home, "mailboxes", "recon:proc_count(message_queue_len, 5)");
            JsonNode rows = count.get("processes");
            for (int i = 0; i < 4; i++) {
                assertTrue(rows.get(i).get("name").asText().startsWith("order-worker-"), count.toString());
                assertEquals(20, rows.get(i).get("value").asInt(), count.toString());
            }
            assertEquals("audit-writer", rows.get(4).get("name").asText(), count.toString());
            assertEquals(7, rows.get(4).get("value").asInt());

            JsonNode window = result(home, "mailboxes", "recon:proc_window(message_queue_len, 5, 300)");
            for (JsonNode row : window.get("processes")) {
                assertEquals(0, row.get("delta").asInt(), "the fixture's mailboxes never move: " + window);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"proc_count(heap, 3)", "recon:proc_count(reductions, 0)", "proc_window(memory, 3, 0)",
            "proc_window(memory, 3, 600000)", "proc_count(reductions, many)", "top(0)"})
    void aBadArgumentIsOneSentenceAndExitOne(String call) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", call);

            assertEquals(1, run.exit(), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().matches("(?s).*(use one of reductions|N must be|Ms must be|top\\(Samples\\) takes).*"),
                    run::toString);
            assertFalse(run.err().contains("Exception"), run::toString);
        }
    }

    @Test
    void topInAScriptPrintsOneLineASampleAndAWindowIsWaitedForOnTopOfTheTimeout() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = busy(Jdks.current(), home)) {
            DiagCli.Run run = DiagCli.run(home, "--node", "busy", "--cmd", "top(2)");
            assertEquals(0, run.exit(), run::toString);
            List<String> lines = run.outLines();
            assertTrue(lines.get(0).startsWith("SAMPLE  HEAP USED/COMMITTED"), run::toString);
            assertTrue(lines.get(1).startsWith("1 ") && lines.get(2).startsWith("2 "), run::toString);
            assertTrue(lines.get(1).contains("spinner") || lines.get(2).contains("spinner"), run::toString);
            assertEquals("(2 samples)", lines.get(3), run::toString);

            DiagCli.Run json = DiagCli.run(home, "--node", "busy", "--json", "--cmd", "top(2)");
            assertEquals(3, json.outLines().size(), json::toString);
            JsonNode sample = Json.mapper().readTree(json.outLines().get(1)).get("row");
            assertEquals(2, sample.get("sample").asInt());
            assertEquals(2, sample.get("heapHistory").size(), "the heap's history within the call: " + sample);
            assertEquals(2, Json.mapper().readTree(json.outLines().get(2)).get("result").get("samples").asInt());

            // the shell waits --timeout on top of the window: a window longer than the timeout still answers
            DiagCli.Run longWindow = DiagCli.run(home, "--node", "busy", "--timeout", "1", "--cmd",
                    "proc_window(reductions, 1, 1500)");
            assertEquals(0, longWindow.exit(), longWindow::toString);

            DiagCli.Run prefixed = DiagCli.run(home, "--node", "busy", "--cmd", "recon:top()");
            assertEquals(2, prefixed.exit(), "top is not recon's: " + prefixed);
        }
    }

    static TargetJvm busy(Path java, DiagHomeDir home) throws Exception {
        TargetJvm target = TargetJvm.start(java, home, "busy", "", Repo.TEST_CLASSES.toString(),
                "dev.diag.it.fixture.BusyTarget");
        try {
            target.awaitLineAfter(0, "busy target ready"); // the agent answers before main() has started the spinner
        } catch (Exception | AssertionError e) {
            target.close();
            throw e;
        }
        return target;
    }

    private static JsonNode result(DiagHomeDir home, String call) throws Exception {
        return result(home, "busy", call);
    }

    private static JsonNode result(DiagHomeDir home, String node, String call) throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--node", node, "--json", "--cmd", call);
        assertEquals(0, run.exit(), run::toString);
        return Json.mapper().readTree(run.outLines().get(0)).get("result");
    }
}
