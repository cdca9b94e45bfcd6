package dev.diag.shell.repl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.Uptime;
import dev.diag.protocol.result.VersionInfo;
import dev.diag.shell.client.CallOutcome;
import dev.diag.shell.jobs.Job;
import dev.diag.shell.render.Units;
import dev.diag.shell.render.Wrap;
import java.io.IOException;
import java.util.List;

/**
 * The lines a job opens with: which node, which JVM, how long it has run, and how to go on.
 * Costs two small calls on the node (5 s at most each); a node that cannot say gets the banner
 * without its JVM and uptime.
 *
 * <pre>
 * Attached to orders@db1 (Java 17.0.15, up 3 h 12 min). why(). says what looks wrong; help(). lists
 * functions; ^G switches jobs; q(). leaves (the node keeps running).
 * </pre>
 */
final class Banner {
    private Banner() {
    }

    static List<String> of(Job job, int width) {
        String about = "";
        try {
            CallOutcome version = job.evaluator().client().call("system_info", List.of(
                    JsonNodeFactory.instance.textNode("version")), 5_000);
            CallOutcome uptime = job.evaluator().client().call("system_info", List.of(
                    JsonNodeFactory.instance.textNode("uptime")), 5_000);
            if (version.ok() && uptime.ok()) {
                about = " (Java " + RecordReader.read(version.result(), VersionInfo.class).javaVersion() + ", up "
                        + Units.duration(RecordReader.read(uptime.result(), Uptime.class).uptimeMillis()) + ")";
            }
        } catch (IOException e) {
            // the banner does without
        }
        // why() first: a user who does not yet know which question to ask has one to type
        return Wrap.words("Attached to " + job.node() + about + ". why(). says what looks wrong; help(). lists "
                + "functions; ^G switches jobs; q(). leaves (the node keeps running).", Math.max(40, width));
    }
}
