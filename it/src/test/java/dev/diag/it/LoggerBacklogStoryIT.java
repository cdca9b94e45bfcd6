package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The story DESIGN.md says diag must make easy, against the real demo node in leak mode: it logs
 * through the real logback, whose AsyncAppender "ASYNC" sits in front of a disk that turns slow;
 * the appender's queue fills, request handlers pile up blocked in put. With nothing but
 * bin/diag, each fact a newcomer needs is there: the process count rising, i() full of blocked
 * handlers, the appender's mailbox at capacity, and a handler's backtrace naming the frame it is
 * blocked in and the thread it waits for, logback's worker.
 */
class LoggerBacklogStoryIT {
    private static final int LOG_CAPACITY = 1_000; // queueSize in demo's logback.xml
    private static final String WORKER = "AsyncAppender-Worker-ASYNC";

    @Test
    void aNewcomerFindsTheBackedUpLoggerBehindTheBlockedHandlers() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm demo = TargetJvm.start(Jdks.current(), home, "demo", "", Repo.DEMO_JAR.toString(),
                        "dev.diag.demo.DemoNode", "--leak")) {
            List<JsonNode> blocked = awaitBlockedHandlers(home, 50);

            // the process count is rising
            int before = processCount(home);
            Thread.sleep(1_500);
            int after = processCount(home);
            assertTrue(after > before, "process count did not rise: " + before + " then " + after);

            // i() is full of handlers blocked in the queue's put
            assertTrue(blocked.size() >= 50, "blocked handlers: " + blocked.size());

            // the appender's mailbox is at capacity, named after it, and its owner is logback's worker
            JsonNode logger = loggerMailbox(json(home, "regs()").get(0).get("result").get("mailboxes"));
            assertEquals("ASYNC", logger.get("name").asText(), logger.toString());
            assertEquals("logback", logger.get("kind").asText(), logger.toString());
            // full, give or take the event the writer just took (a handler refills it a moment later)
            assertTrue(logger.get("size").asInt() >= LOG_CAPACITY - 5, logger.toString());
            assertEquals(LOG_CAPACITY, logger.get("capacity").asInt(), logger.toString());

            // a handler's backtrace: the frame it is blocked in, and the thread it waits for. The writer
            // frees one handler per event it takes, so ask handlers until one is still blocked.
            long handler = -1;
            JsonNode trace = null;
            for (int i = blocked.size() - 1; i >= 0 && handler < 0; i--) {
                long pid = blocked.get(i).get("pid").asLong();
                JsonNode candidate = json(home, "process_info(<" + pid + ">, backtrace)").get(0).get("result").get("value");
                if (candidate.get("frames").toString().contains("\"className\":\"java.util.concurrent.ArrayBlockingQueue\""
                        + ",\"method\":\"put\"")) {
                    handler = pid;
                    trace = candidate;
                }
            }
            assertTrue(handler > 0, "no handler stayed blocked in ArrayBlockingQueue.put long enough to look at");
            assertEquals(logger.get("name").asText(), trace.get("waitsForMailbox").asText(), trace.toString());
            assertTrue(trace.get("mailboxOwners").toString().contains(WORKER), trace.toString());

            // and the same, as a person reads it (again asking until a handler is still blocked)
            String mailbox = logger.get("name").asText();
            DiagCli.Run human = null;
            for (int i = blocked.size() - 1; i >= 0; i--) {
                human = DiagCli.run(home, "--node", "demo", "--cmd",
                        "process_info(<" + blocked.get(i).get("pid").asLong() + ">, backtrace)");
                if (human.out().contains("at java.util.concurrent.ArrayBlockingQueue.put(")) {
                    break;
                }
            }
            DiagCli.Run shown = human;
            assertEquals(0, shown.exit(), shown::toString);
            assertTrue(shown.out().contains("at java.util.concurrent.ArrayBlockingQueue.put("), shown::toString);
            assertTrue(shown.out().lines().anyMatch(l -> l.contains("waiting on mailbox " + mailbox)
                    && l.contains("drained by <") && l.contains(WORKER)), shown::toString);
        }
    }

    private static JsonNode loggerMailbox(JsonNode mailboxes) {
        for (JsonNode mailbox : mailboxes) {
            if (mailbox.get("owners").toString().contains(WORKER)) {
                return mailbox;
            }
        }
        throw new AssertionError("no mailbox drained by " + WORKER + " in regs(): " + mailboxes);
    }

    /** Polls i() until at least {@code n} request handlers wait in ArrayBlockingQueue.put; returns their rows. */
    private static List<JsonNode> awaitBlockedHandlers(DiagHomeDir home, int n) throws Exception {
        List<JsonNode> blocked = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            blocked.clear();
            for (JsonNode line : json(home, "i()")) {
                JsonNode row = line.get("row");
                if (row != null && row.get("name").asText().startsWith("request-handler")
                        && row.get("state").asText().equals("WAITING")
                        && "ArrayBlockingQueue.put".equals(row.path("currentFunction").asText())) {
                    blocked.add(row);
                }
            }
            if (blocked.size() >= n) {
                return blocked;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + blocked.size() + " handlers blocked in ArrayBlockingQueue.put after 60 s");
    }

    private static int processCount(DiagHomeDir home) throws Exception {
        return json(home, "processes()").get(0).get("result").get("pids").size();
    }

    private static List<JsonNode> json(DiagHomeDir home, String call) throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--node", "demo", "--json", "--timeout", "30", "--cmd", call);
        assertEquals(0, run.exit(), run::toString);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.outLines()) {
            lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }
}
