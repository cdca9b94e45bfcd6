package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real logback's AsyncAppender behind a slow appender, its queue full and 50 request threads
 * blocked in put: the appender's queue is a mailbox named after it, drained by its worker, and
 * every view says so — regs(), i()'s MSGS column, a handler's backtrace and links, recon's
 * ranking. With the agent at start-up on the default JDK, and injected later on a JDK 21+.
 */
class LogbackMailboxIT {
    private static final String MAIN = "dev.diag.it.fixture.LogbackBacklogTarget";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.diag.it.FrameworkTargets#ways")
    void theAppendersQueueIsTheWorkersMailboxInEveryView(String how, boolean injectIntoModern) throws Exception {
        Path java = FrameworkTargets.java(injectIntoModern);
        boolean inject = injectIntoModern;
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(java, home, "shop", inject,
                MAIN, "logback target ready")) {
            NodeCalls node = new NodeCalls(home, "shop");
            JsonNode async = NodeCalls.await("the ASYNC appender's queue filling", () -> node.mailbox("ASYNC").orElse(null),
                    m -> m != null && m.get("size").asInt() >= 250);
            assertEquals("logback", async.get("kind").asText(), async.toString());
            assertEquals(256, async.get("capacity").asInt(), async.toString());
            assertTrue(async.get("owners").toString().contains("AsyncAppender-Worker-ASYNC"), async.toString());
            assertEquals("ASYNC", node.mailboxes().get(0).get("name").asText(), "the largest mailbox first");

            // i(): the worker's row carries the queue; the totals count it
            List<JsonNode> rows = node.processes();
            JsonNode worker = rows.stream().filter(r -> r.get("name").asText().equals("AsyncAppender-Worker-ASYNC"))
                    .findFirst().orElseThrow();
            assertTrue(worker.get("msgs").asInt() >= 200, worker.toString());

            // recon ranks it first by mailbox
            JsonNode ranked = node.json("recon:proc_count(message_queue_len, 1)").get(0).get("result");
            assertTrue(ranked.toString().contains("AsyncAppender-Worker-ASYNC"), ranked.toString());

            // a handler blocked in put: its backtrace names the mailbox and its drainer, links the drainer
            long handler = rows.stream().filter(r -> r.get("name").asText().startsWith("request-handler")
                    && "ArrayBlockingQueue.put".equals(r.path("currentFunction").asText()))
                    .mapToLong(r -> r.get("pid").asLong()).findFirst().orElseThrow();
            String trace = node.text("process_info(<" + handler + ">, backtrace)");
            assertTrue(trace.lines().anyMatch(l -> l.contains("waiting on mailbox ASYNC") && l.contains("drained by <")
                    && l.contains("AsyncAppender-Worker-ASYNC")), trace);
            String links = node.text("process_info(<" + handler + ">, links)");
            assertTrue(links.contains("AsyncAppender-Worker-ASYNC"), links);
        }
    }
}
