package dev.diag.shell.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.JcmdCommands;
import dev.diag.shell.expr.Call;
import java.io.IOException;
import java.util.List;

/**
 * What a {@code jcmd(Command)} call costs, as the node's JVM states it for that command: jcmd's own
 * declaration cannot say, since VM.flags reads counters and GC.class_histogram pauses for a heap
 * walk. The node's list (jcmd()) is asked for once per connection, at the first jcmd call the console
 * must judge; a node that cannot give it is asked about on every such call (fail closed).
 */
final class JcmdImpacts {
    private final DiagClient client;
    private final int timeoutMillis;
    private volatile JcmdCommands commands;

    JcmdImpacts(DiagClient client, int timeoutMillis) {
        this.client = client;
        this.timeoutMillis = timeoutMillis;
    }

    /** Whether to ask before {@code call}, and the JVM's words for its cost (null: the node could not say). */
    record Verdict(boolean ask, String impact) {
    }

    /** True for the calls whose cost is the command's: jcmd with a command. */
    static boolean judges(Call call, String function) {
        return function.equals(Declaration.JCMD.function()) && !call.args().isEmpty();
    }

    Verdict of(Call call) {
        JsonNode name = call.args().get(0).toJson();
        JcmdCommands list = list();
        if (list == null) {
            return new Verdict(true, null);
        }
        return list.commands().stream().filter(c -> c.name().equals(name.asText())).findFirst()
                // the console ends the JVM's sentence itself: "High: Depends on Java heap size and content"
                .map(c -> new Verdict(c.refused() == null && c.impactLevel().equals("HIGH"),
                        c.impact().replaceFirst("\\.$", "")))
                .orElse(new Verdict(false, null)); // unknown or refused: the node says so, running nothing
    }

    private JcmdCommands list() {
        try {
            if (commands == null) {
                CallOutcome outcome = client.call(Declaration.JCMD.function(), List.of(), timeoutMillis);
                if (outcome.ok()) {
                    commands = RecordReader.read(outcome.result(), JcmdCommands.class);
                }
            }
            return commands;
        } catch (IOException e) {
            return null;
        }
    }
}
