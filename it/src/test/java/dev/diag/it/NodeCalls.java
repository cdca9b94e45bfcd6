package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One node's answers as data, through the real bin/diag with --json: what the mailbox tests of
 * every framework assert on (regs(), i()'s rows and totals, a backtrace), in one place.
 */
final class NodeCalls {
    private final DiagHomeDir home;
    private final String node;

    NodeCalls(DiagHomeDir home, String node) {
        this.home = home;
        this.node = node;
    }

    /** Every JSON line of {@code call}; the call must succeed. */
    List<JsonNode> json(String call) throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--node", node, "--json", "--timeout", "30", "--cmd", call);
        assertEquals(0, run.exit(), run::toString);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.outLines()) {
            lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }

    /** The call as a person reads it; it must succeed. */
    String text(String call) throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--node", node, "--timeout", "30", "--cmd", call);
        assertEquals(0, run.exit(), run::toString);
        return run.out();
    }

    /** regs()'s mailboxes. */
    List<JsonNode> mailboxes() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        json("regs()").get(0).get("result").get("mailboxes").forEach(rows::add);
        return rows;
    }

    Optional<JsonNode> mailbox(String name) throws Exception {
        return mailboxes().stream().filter(m -> m.get("name").asText().equals(name)).findFirst();
    }

    /** i()'s rows. */
    List<JsonNode> processes() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode line : json("i()")) {
            if (line.has("row")) {
                rows.add(line.get("row"));
            }
        }
        return rows;
    }

    /** Polls {@code check} every half second for up to a minute; the last value it saw, or a failure saying what. */
    static <T> T await(String what, Check<T> check, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        T last = null;
        while (System.nanoTime() < deadline) {
            last = check.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " did not happen within 60 s; last seen: " + last);
    }

    @FunctionalInterface
    interface Check<T> {
        T get() throws Exception;
    }
}
