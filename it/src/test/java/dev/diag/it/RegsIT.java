package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code regs()} against a real target with the agent (fixture MailboxTarget): a thread pool
 * found with no change to the app, and a queue the app registered as an MXBean, each with its
 * size, capacity and owners; on the JDK running the tests (17) and on a JDK 25 target, whose
 * threads keep their task in a different place.
 */
class RegsIT {
    private static final Pattern READY = Pattern.compile("mailbox target ready, audit-writer (\\d+)");

    @Test
    void showsAPoolsBacklogAndARegisteredMailboxOnJdk17() throws Exception {
        showsBothMailboxes(Jdks.current());
    }

    /** Needs a JDK 21+ on the machine (JDK 25 here); skipped where there is none. */
    @Test
    void showsAPoolsBacklogAndARegisteredMailboxOnJdk25() throws Exception {
        showsBothMailboxes(Jdks.requireModern());
    }

    private static void showsBothMailboxes(Path java) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(java, home, "mailboxes", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.MailboxTarget")) {
            long writer = awaitReady(target);

            DiagCli.Run run = DiagCli.run(home, "--cmd", "regs", "--node", "mailboxes");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.err().isEmpty(), run::toString);
            List<String> lines = run.outLines();
            assertTrue(lines.get(0).matches("NAME\\s+KIND\\s+SIZE\\s+CAPACITY\\s+OWNERS"), run::toString);
            assertTrue(lines.stream().anyMatch(l -> l.matches(
                    "order-worker\\s+executor\\s+20\\s+100\\s+<\\d+> order-worker-\\d, <\\d+> order-worker-\\d.*")),
                    run::toString);
            assertTrue(lines.stream().anyMatch(l -> l.matches("audit\\s+registered\\s+7\\s+1,000\\s+<" + writer
                    + "> audit-writer")), run::toString);
            assertTrue(lines.indexOf(lines.stream().filter(l -> l.startsWith("order-worker")).findFirst().orElseThrow())
                    < lines.indexOf(lines.stream().filter(l -> l.startsWith("audit")).findFirst().orElseThrow()),
                    "largest first: " + run);
            assertTrue(run.out().lines().noneMatch(l -> l.contains("could not")), "the agent saw everything: " + run);

            DiagCli.Run json = DiagCli.run(home, "--json", "--cmd", "regs", "--node", "mailboxes");

            assertEquals(0, json.exit(), json::toString);
            JsonNode result = Json.mapper().readTree(json.outLines().get(0)).get("result");
            assertTrue(result.get("note") == null || result.get("note").isNull(), json::toString);
            JsonNode orders = row(result, "order-worker");
            assertEquals("executor", orders.get("kind").asText());
            assertEquals(20, orders.get("size").asInt());
            assertEquals(100, orders.get("capacity").asInt());
            assertEquals(4, orders.get("owners").size(), json::toString);
            orders.get("owners").forEach(o -> assertTrue(o.get("name").asText().matches("order-worker-[1-4]"), json::toString));
            JsonNode audit = row(result, "audit");
            assertEquals("registered", audit.get("kind").asText());
            assertEquals(7, audit.get("size").asInt());
            assertEquals(1000, audit.get("capacity").asInt());
            assertEquals(writer, audit.get("owners").get(0).get("pid").asLong());
            assertEquals("audit-writer", audit.get("owners").get(0).get("name").asText());
        }
    }

    private static JsonNode row(JsonNode result, String name) {
        for (JsonNode row : result.get("mailboxes")) {
            if (row.get("name").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no mailbox " + name + " in " + result);
    }

    /** The agent registers the node before main runs: wait for the fixture's own mailboxes. */
    private static long awaitReady(TargetJvm target) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(target.output());
            if (ready.find()) {
                return Long.parseLong(ready.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the mailbox target never got ready:\n" + target.output());
    }
}
