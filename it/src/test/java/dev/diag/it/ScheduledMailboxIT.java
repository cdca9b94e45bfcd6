package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JDK ScheduledThreadPoolExecutor with 5,000 tasks due in an hour and 7 overdue behind a stuck
 * task: its size is the 7, the 5,000 are scheduled, and a pool with 3 queued tasks ranks above it
 * in regs(), recon and i()'s totals. At start-up on JDK 17 and injected on a JDK 21+.
 */
class ScheduledMailboxIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.diag.it.FrameworkTargets#ways")
    void tasksNotYetDueAreScheduledAndOnlyTheDueOnesAreBacklog(String how, boolean inject) throws Exception {
        Path java = FrameworkTargets.java(inject);
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(java, home, "sched", inject,
                "dev.diag.it.fixture.ScheduledBacklogTarget", "scheduled target ready")) {
            NodeCalls node = new NodeCalls(home, "sched");
            JsonNode timeouts = NodeCalls.await("the 7 tasks falling due", () -> node.mailbox("timeouts").orElse(null),
                    m -> m != null && m.get("size").asInt() == 7);
            assertEquals(5_000, timeouts.get("scheduled").asInt(), timeouts.toString());
            assertEquals("executor", timeouts.get("kind").asText());

            List<JsonNode> all = node.mailboxes();
            assertEquals(List.of("timeouts", "billing"), all.stream().map(m -> m.get("name").asText())
                    .filter(n -> n.equals("timeouts") || n.equals("billing")).toList(), "by backlog: " + all);
            assertTrue(all.stream().noneMatch(m -> m.get("name").asText().equals("billing") && m.has("scheduled")),
                    "a plain pool has nothing scheduled: " + all);

            List<JsonNode> lines = node.json("i()");
            JsonNode worker = lines.stream().filter(l -> l.has("row")).map(l -> l.get("row"))
                    .filter(r -> r.get("name").asText().equals("timeouts-1")).findFirst().orElseThrow();
            assertEquals(7, worker.get("msgs").asInt(), worker.toString());
            long msgs = lines.get(lines.size() - 1).path("result").path("msgs").asLong();
            assertTrue(msgs >= 10 && msgs < 1_000, "7 due and 3 queued, not the 5,000 scheduled: " + msgs);

            String text = node.text("regs()");
            assertTrue(text.lines().anyMatch(l -> l.startsWith("timeouts") && l.contains("5,000")), text);
        }
    }
}
