package dev.diag.shell.render;

import dev.diag.protocol.result.JcmdCommands;
import dev.diag.protocol.result.JcmdOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jcmd()}: the JVM's diagnostic commands, each with its impact level and what it does, the
 * refused ones marked with why; {@code jcmd(Command)}: the command's text as the JVM printed it,
 * then how much was cut if the cap was reached.
 *
 * <pre>
 * COMMAND            IMPACT  WHAT IT DOES
 * GC.class_histogram HIGH    Provide statistics about the Java heap usage.
 * JFR.start          refused writes a file on the node's host where the caller says; jfr:start(...) ...
 * </pre>
 */
public final class JcmdView {
    private JcmdView() {
    }

    public static List<String> commands(JcmdCommands list, int width) {
        Table table = Table.of(List.of(Table.Align.LEFT, Table.Align.LEFT, Table.Align.LEFT), "COMMAND", "IMPACT",
                "WHAT IT DOES");
        for (JcmdCommands.Command c : list.commands()) {
            table.row(c.name(), c.refused() == null ? c.impactLevel() : "refused",
                    c.refused() == null ? c.description() : c.refused());
        }
        List<String> lines = new ArrayList<>(table.render(width));
        lines.addAll(Wrap.words("jcmd(\"Command\") runs one, jcmd(\"Command\", \"Args\") with arguments; "
                + "jcmd(\"help\", \"Command\") shows a command's arguments. The console asks before a HIGH one.", width));
        return lines;
    }

    public static List<String> output(JcmdOutput output, int width) {
        List<String> lines = new ArrayList<>(output.text().isEmpty() ? List.of("(" + output.command()
                + " printed nothing)") : output.text().lines().toList());
        if (output.cutChars() > 0) {
            lines.add("… " + String.format("%,d", output.cutChars()) + " more characters cut: a reply carries at most "
                    + "1 MiB of text; narrow the command with its arguments");
        }
        return lines;
    }
}
