package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The story DESIGN.md says diag must make easy, against the real demo node in leak mode: it logs
 * through the real logback, whose AsyncAppender "ASYNC" sits in front of a disk that turns slow;
 * the appender's queue fills, request handlers pile up blocked in put. With nothing but
 * bin/diag, each fact a newcomer needs is there: the process count rising, i() full of blocked
 * handlers, the appender's mailbox at capacity, and a handler's backtrace naming the frame it is
 * blocked in and the thread it waits for, logback's worker.
 *
 * Logback's worker (1.5) takes one event and then drainTo's the whole queue into its own list, so
 * the queue goes from full to empty in one step every batch (1,000 events at 50 ms: every 50 s) and
 * the handlers it releases refill it within seconds. Each fact is therefore looked for until it
 * shows, within a minute, rather than at one instant that may fall in a refill.
 */
class LoggerBacklogStoryIT {
    private static final int LOG_CAPACITY = 1_000; // queueSize in demo's logback.xml
    private static final String WORKER = "AsyncAppender-Worker-ASYNC";
    private static final long PATIENCE_NANOS = 60_000_000_000L;

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

            // the appender's mailbox reaches capacity, named after it, and its owner is logback's worker
            JsonNode logger = awaitFullLoggerMailbox(home);
            assertEquals("ASYNC", logger.get("name").asText(), logger.toString());
            assertEquals("logback", logger.get("kind").asText(), logger.toString());
            assertEquals(LOG_CAPACITY, logger.get("capacity").asInt(), logger.toString());

            // a handler's backtrace: the frame it is blocked in, and the thread it waits for
            JsonNode trace = awaitBlockedBacktrace(home);
            assertEquals(logger.get("name").asText(), trace.get("waitsForMailbox").asText(), trace.toString());
            assertTrue(trace.get("mailboxOwners").toString().contains(WORKER), trace.toString());

            // and the same, as a person reads it
            DiagCli.Run shown = awaitBlockedBacktraceAsText(home);
            assertEquals(0, shown.exit(), shown::toString);
            String mailbox = logger.get("name").asText();
            assertTrue(shown.out().lines().anyMatch(l -> l.contains("waiting on mailbox " + mailbox)
                    && l.contains("drained by <") && l.contains(WORKER)), shown::toString);
        }
    }

    /** Polls regs() until the mailbox logback's worker drains is full, give or take the event it just took. */
    private static JsonNode awaitFullLoggerMailbox(DiagHomeDir home) throws Exception {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        JsonNode logger;
        do {
            logger = loggerMailbox(json(home, "regs()").get(0).get("result").get("mailboxes"));
            if (logger.get("size").asInt() >= LOG_CAPACITY - 5) {
                return logger;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the logger's mailbox never filled in 60 s: " + logger);
    }

    /**
     * The JSON backtrace of a handler still blocked in ArrayBlockingQueue.put. The worker frees
     * handlers as it takes events, so ask the ones i() shows blocked now, again until one still is.
     */
    private static JsonNode awaitBlockedBacktrace(DiagHomeDir home) throws Exception {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        do {
            for (JsonNode row : newestFirst(awaitBlockedHandlers(home, 1))) {
                JsonNode trace = json(home, "process_info(<" + row.get("pid").asLong() + ">, backtrace)")
                        .get(0).get("result").get("value");
                if (trace.get("frames").toString().contains(
                        "\"className\":\"java.util.concurrent.ArrayBlockingQueue\",\"method\":\"put\"")) {
                    return trace;
                }
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no handler stayed blocked in ArrayBlockingQueue.put long enough to look at");
    }

    /** The same, as the console prints it. */
    private static DiagCli.Run awaitBlockedBacktraceAsText(DiagHomeDir home) throws Exception {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        DiagCli.Run last = null;
        do {
            for (JsonNode row : newestFirst(awaitBlockedHandlers(home, 1))) {
                last = DiagCli.run(home, "--node", "demo", "--cmd",
                        "process_info(<" + row.get("pid").asLong() + ">, backtrace)");
                if (last.out().contains("at java.util.concurrent.ArrayBlockingQueue.put(")) {
                    return last;
                }
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no handler stayed blocked in ArrayBlockingQueue.put long enough to read: " + last);
    }

    /** The most recently blocked handlers first: the ones the worker will free last. */
    private static List<JsonNode> newestFirst(List<JsonNode> rows) {
        List<JsonNode> copy = new ArrayList<>(rows);
        Collections.reverse(copy);
        return copy;
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
