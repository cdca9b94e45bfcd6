package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real Pekko: two slow typed actors and a slow classic one, 12,000 messages told to each.
 * Each actor is a mailbox of its own, named by its path, kind actor, its owner the dispatcher
 * thread running it; i()'s MSGS of that thread is the actor's count, and the totals count them;
 * the default dispatcher's pool no longer shows as an empty fork_join mailbox. With the agent at
 * start-up on the default JDK, and injected later on a JDK 21+.
 */
class PekkoMailboxIT {
    private static final String MAIN = "dev.diag.it.fixture.PekkoBacklogTarget";
    private static final String DISPATCHER = "shop-pekko.actor.default-dispatcher-";
    private static final List<String> ACTORS = List.of("pekko://shop/user/slow-1", "pekko://shop/user/slow-2",
            "pekko://shop/user/slow-classic");

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.diag.it.FrameworkTargets#ways")
    void everyBackedUpActorIsAMailboxRunByItsThread(String how, boolean injectIntoModern) throws Exception {
        Path java = FrameworkTargets.java(injectIntoModern);
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(java, home, "shop",
                injectIntoModern, MAIN, "pekko target ready")) {
            NodeCalls node = new NodeCalls(home, "shop");
            List<JsonNode> boxes = NodeCalls.await("three actors' mailboxes, each with its thread", node::mailboxes,
                    all -> ACTORS.stream().allMatch(path -> all.stream().anyMatch(m -> m.get("name").asText().equals(path)
                            && m.get("owners").size() == 1)));
            long total = 0;
            for (String path : ACTORS) {
                JsonNode actor = boxes.stream().filter(m -> m.get("name").asText().equals(path)).findFirst().orElseThrow();
                assertEquals("actor", actor.get("kind").asText(), actor.toString());
                assertTrue(actor.get("size").asInt() >= 5_000 && actor.get("size").asInt() < 12_000, actor.toString());
                assertTrue(actor.get("owners").toString().contains(DISPATCHER), actor.toString());
                total += actor.get("size").asInt();
            }
            assertTrue(boxes.stream().noneMatch(m -> m.get("name").asText().contains("default-dispatcher")
                    && m.get("size").asInt() == 0), "no empty dispatcher pool hides the actors: " + boxes);
            assertTrue(ACTORS.contains(boxes.get(0).get("name").asText()), "an actor is the largest mailbox: " + boxes);

            // i(): a dispatcher thread running an actor carries its count (an actor hops to another
            // worker every 5 messages, Pekko's default throughput, so any of them); the totals count them
            List<JsonNode> lines = NodeCalls.await("a dispatcher thread's MSGS in i()", () -> node.json("i()"),
                    l -> l.stream().filter(x -> x.has("row")).map(x -> x.get("row")).anyMatch(r ->
                            r.get("name").asText().startsWith(DISPATCHER) && r.path("msgs").asInt() >= 5_000));
            JsonNode totals = lines.get(lines.size() - 1).get("result");
            assertTrue(totals.get("msgs").asLong() >= 2 * 5_000, "i()'s total counts the actors: " + totals);

            // recon ranks a dispatcher thread first by mailbox
            JsonNode ranked = node.json("recon:proc_count(message_queue_len, 1)").get(0).get("result");
            assertTrue(ranked.toString().contains(DISPATCHER), ranked.toString());
        }
    }
}
