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
 * The real embedded Tomcat 11 and Jetty 12, each with a 20-thread pool saturated by 100 slow
 * requests from a bounded loopback client: the pool's own queue is the mailbox of its threads,
 * with the requests waiting, busy/max threads, and the scheduler beside it (Tomcat's
 * Catalina-utility, Jetty's Scheduler with an idle timeout per connection) counted as scheduled,
 * never ranked above it. Each with the agent at start-up on JDK 17 and injected on a JDK 21+.
 */
class WebServerMailboxIT {

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of("Tomcat, agent at start-up, JDK 17", "Tomcat", false),
                Arguments.of("Jetty, agent at start-up, JDK 17", "Jetty", false),
                Arguments.of("Tomcat, injected, JDK 21+", "Tomcat", true),
                Arguments.of("Jetty, injected, JDK 21+", "Jetty", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void theSaturatedPoolsQueueIsItsThreadsMailboxAndOutranksTheScheduler(String how, String server, boolean inject)
            throws Exception {
        Path java = inject ? Jdks.requireModern() : Jdks.current();
        boolean tomcat = server.equals("Tomcat");
        String kind = tomcat ? "tomcat" : "jetty";
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(java, home, "web", inject,
                "dev.diag.it.fixture." + server + "BacklogTarget", server.toLowerCase() + " target ready")) {
            NodeCalls node = new NodeCalls(home, "web");
            JsonNode pool = NodeCalls.await("the " + server + " pool's queue filling", () -> node.mailboxes().stream()
                    .filter(m -> m.get("kind").asText().equals(kind)).findFirst().orElse(null),
                    m -> m != null && m.get("size").asInt() >= 60);
            String name = pool.get("name").asText();
            assertTrue(tomcat ? name.startsWith("http-nio-") && name.endsWith("-exec") : name.equals("shop-qtp"), pool.toString());
            assertTrue(pool.get("size").asInt() <= 100, pool.toString());
            assertEquals(20, pool.get("threads").get("max").asInt(), pool.toString());
            assertTrue(pool.get("threads").get("busy").asInt() >= (tomcat ? 20 : 15), pool.toString());
            assertTrue(pool.get("owners").size() >= 15 && pool.get("owners").get(0).get("name").asText().startsWith(name),
                    pool.toString());

            // regs(): the pool first; the scheduler's not-yet-due tasks are scheduled, not its size
            List<JsonNode> all = node.mailboxes();
            assertEquals(name, all.get(0).get("name").asText(), "the saturated pool ranks first: " + all);
            JsonNode scheduler = all.stream().filter(m -> m.get("name").asText().startsWith(
                    tomcat ? "Catalina-utility" : "Scheduler")).findFirst().orElseThrow(() -> new AssertionError(all.toString()));
            assertTrue(scheduler.get("size").asInt() <= 2, scheduler.toString());
            assertTrue(scheduler.has("scheduled"), scheduler.toString());
            if (!tomcat) {
                assertTrue(scheduler.get("scheduled").asInt() >= 50, "an idle timeout per connection: " + scheduler);
            }

            // i(): every worker's MSGS is the pool's queue; the totals count it once
            List<JsonNode> lines = node.json("i()");
            List<JsonNode> workers = lines.stream().filter(l -> l.has("row")).map(l -> l.get("row"))
                    .filter(r -> r.get("name").asText().startsWith(name + "-")).toList();
            assertTrue(workers.size() >= 15, lines.toString());
            workers.forEach(w -> assertTrue(w.path("msgs").asInt(-1) >= 60, w.toString()));
            JsonNode totals = lines.get(lines.size() - 1).path("result");
            assertTrue(totals.path("msgs").asLong() >= 60, totals.toString());

            // recon and top() agree
            JsonNode ranked = node.json("recon:proc_count(message_queue_len, 1)").get(0).get("result");
            assertTrue(ranked.toString().contains(name + "-"), ranked.toString());
            JsonNode top = node.json("top(1)").stream().filter(l -> l.has("row")).findFirst().orElseThrow().get("row");
            assertEquals(name, top.get("mailboxes").get(0).get("name").asText(), top.toString());
        }
    }
}
