package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real log4j2 behind a slow appender and 50 request threads: an {@code AsyncAppender} whose
 * queue is full and whose handlers block in put (the queue is the dispatcher's mailbox, named
 * after the appender), and async loggers, all-async or one {@code AsyncLoggerConfig}, whose
 * Disruptor ring is full (its fill level is the consumer thread's mailbox). Every view says so:
 * regs(), i()'s MSGS, recon's ranking, and for the appender a handler's backtrace and links. With
 * the agent at start-up on the default JDK, and injected later on a JDK 21+; the ring with
 * disruptor 3.4.4 (log4j-core's own) and 4.0.0. A producer spinning for a slot of the ring, with
 * no blocker, is tied to it by its frames (see DisruptorRingBuffers).
 */
class Log4j2MailboxIT {
    private static final String APPENDER_MAIN = "dev.diag.it.fixture.Log4j2AsyncAppenderTarget";
    private static final String LOGGERS_MAIN = "dev.diag.it.fixture.Log4j2AsyncLoggerTarget";
    private static final String CONFIG_MAIN = "dev.diag.it.fixture.Log4j2AsyncLoggerConfigTarget";
    /** log4j2 names it Log4j2-AsyncAppenderEventDispatcher-1-ASYNC. */
    private static final String DISPATCHER = "AsyncAppenderEventDispatcher-1-ASYNC";

    static Stream<Arguments> targets() {
        return Stream.of(Arguments.of("agent at start-up, JDK 17", false), Arguments.of("injected, JDK 21+", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void theAsyncAppendersQueueIsItsDispatchersMailboxInEveryView(String how, boolean injectIntoModern)
            throws Exception {
        Path java = injectIntoModern ? Jdks.requireModern() : Jdks.current();
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(java, home, "shop",
                injectIntoModern, APPENDER_MAIN, "log4j2 target ready")) {
            NodeCalls node = new NodeCalls(home, "shop");
            JsonNode async = NodeCalls.await("the ASYNC appender's queue filling",
                    () -> node.mailbox("ASYNC").orElse(null), m -> m != null && m.get("size").asInt() >= 250);
            assertEquals("log4j2", async.get("kind").asText(), async.toString());
            assertEquals(256, async.get("capacity").asInt(), async.toString());
            assertTrue(async.get("owners").toString().contains(DISPATCHER), async.toString());
            assertEquals("ASYNC", node.mailboxes().get(0).get("name").asText(), "the largest mailbox first");

            List<JsonNode> rows = node.processes();
            JsonNode dispatcher = rows.stream().filter(r -> r.get("name").asText().endsWith(DISPATCHER)).findFirst()
                    .orElseThrow();
            assertTrue(dispatcher.get("msgs").asInt() >= 200, dispatcher.toString());

            JsonNode ranked = node.json("recon:proc_count(message_queue_len, 1)").get(0).get("result");
            assertTrue(ranked.toString().contains(DISPATCHER), ranked.toString());

            long handler = rows.stream().filter(r -> r.get("name").asText().startsWith("request-handler")
                    && "ArrayBlockingQueue.put".equals(r.path("currentFunction").asText()))
                    .mapToLong(r -> r.get("pid").asLong()).findFirst().orElseThrow();
            String trace = node.text("process_info(<" + handler + ">, backtrace)");
            assertTrue(trace.lines().anyMatch(l -> l.contains("waiting on mailbox ASYNC") && l.contains("drained by <")
                    && l.contains(DISPATCHER)), trace);
            String links = node.text("process_info(<" + handler + ">, links)");
            assertTrue(links.contains(DISPATCHER), links);
        }
    }

    static Stream<Arguments> rings() {
        return Stream.of(
                Arguments.of("all async, agent at start-up, JDK 17, disruptor 3.4.4", false, false, LOGGERS_MAIN,
                        "log4j2 async loggers ready: AsyncLoggerContext on disruptor 3", "AsyncLogger[AsyncContext@"),
                Arguments.of("all async, injected, JDK 21+, disruptor 4.0.0", true, true, LOGGERS_MAIN,
                        "log4j2 async loggers ready: AsyncLoggerContext on disruptor 4", "AsyncLogger[AsyncContext@"),
                Arguments.of("AsyncLoggerConfig, agent at start-up, JDK 17, disruptor 4.0.0", false, true, CONFIG_MAIN,
                        "log4j2 async logger config ready on disruptor 4", "AsyncLoggerConfig"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rings")
    void theAsyncLoggersRingIsItsConsumersMailboxInEveryView(String how, boolean injectIntoModern, boolean disruptor4,
            String main, String ready, String ringName) throws Exception {
        Path java = injectIntoModern ? Jdks.requireModern() : Jdks.current();
        String classPath = disruptor4 ? withDisruptor4(Repo.frameworksClassPath()) : Repo.frameworksClassPath();
        String consumerName = "Log4j2-TF-1-" + ringName; // Log4j2-TF-1-AsyncLoggerConfig-1
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(java, home, "shop",
                injectIntoModern, classPath, main, ready)) {
            NodeCalls node = new NodeCalls(home, "shop");
            JsonNode ring = NodeCalls.await("the async loggers' ring filling", () -> node.mailboxes().stream()
                    .filter(m -> m.get("kind").asText().equals("disruptor")).findFirst().orElse(null),
                    m -> m != null && m.get("size").asInt() >= 250);
            assertTrue(ring.get("name").asText().startsWith(ringName), ring.toString());
            assertEquals(256, ring.get("capacity").asInt(), ring.toString());
            assertTrue(ring.get("size").asInt() <= 256, "no more than the ring holds: " + ring);
            assertTrue(ring.get("owners").toString().contains(consumerName), ring.toString());
            assertEquals(ring.get("name").asText(), node.mailboxes().get(0).get("name").asText(),
                    "the largest mailbox first");

            List<JsonNode> rows = node.processes();
            JsonNode consumer = rows.stream().filter(r -> r.get("name").asText().startsWith(consumerName)).findFirst()
                    .orElseThrow();
            assertTrue(consumer.get("msgs").asInt() >= 200, consumer.toString());

            JsonNode ranked = node.json("recon:proc_count(message_queue_len, 1)").get(0).get("result");
            assertTrue(ranked.toString().contains(consumerName), ranked.toString());

            // the producer spinning for a slot has no blocker: its frames tie it to the ring. It
            // gets its slot when the consumer next reports progress, so look until one is caught.
            String trace = NodeCalls.await("a spinning producer's backtrace naming the ring", () -> spinnersTrace(node),
                    t -> t.lines().anyMatch(l -> l.contains("waiting on mailbox " + ringName)
                            && l.contains("drained by <") && l.contains(consumerName)));
            assertTrue(trace.contains("MultiProducerSequencer.next"), trace);
        }
    }

    /** The backtrace of a request handler that i() saw in the Disruptor's MultiProducerSequencer.next, or "". */
    private static String spinnersTrace(NodeCalls node) throws Exception {
        for (JsonNode row : node.processes()) {
            if (row.get("name").asText().startsWith("request-handler")
                    && row.path("currentFunction").asText().contains("MultiProducerSequencer.next")) {
                return node.text("process_info(<" + row.get("pid").asLong() + ">, backtrace)");
            }
        }
        return "";
    }

    /** The frameworks' class path with disruptor 4.0.0 (copied to target/disruptor-4) for 3.4.4. */
    private static String withDisruptor4(String classPath) {
        Path four = Path.of(System.getProperty("user.dir"), "target", "disruptor-4", "disruptor-4.0.0.jar");
        String swapped = classPath.replaceAll("[^" + java.io.File.pathSeparator + "]*disruptor-3\\.4\\.4\\.jar",
                four.toString());
        assertTrue(swapped.contains("disruptor-4.0.0.jar") && !swapped.contains("disruptor-3"), swapped);
        return swapped;
    }
}
