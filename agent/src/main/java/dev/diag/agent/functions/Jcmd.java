package dev.diag.agent.functions;

import dev.diag.agent.probe.DiagnosticCommandInfo;
import dev.diag.agent.probe.DiagnosticCommands;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.function.EditDistance;
import dev.diag.protocol.function.Impact;
import dev.diag.protocol.message.Echo;
import dev.diag.protocol.result.JcmdCommands;
import dev.diag.protocol.result.JcmdOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code jcmd()}, {@code jcmd(Command)}, {@code jcmd(Command, "Args")}: the JVM's own diagnostic
 * commands through the DiagnosticCommand MBean (what {@code jcmd PID VM.flags} runs, in process),
 * so an operator gets them over diag's authenticated channel instead of a local, unauthenticated
 * attach. jcmd() lists them with the impact the JVM states for each; a command's impact level is
 * read from that text ({@link #level}) and the console asks before a High one. Commands that
 * write files, load code or change lasting settings are refused ({@link JcmdPolicy}). The text
 * is cut at {@value #MAX_CHARS} characters, and the answer says how much was left out; the JVM
 * builds the whole text in the node's heap first, as jcmd itself does.
 *
 * <pre>
 * jcmd("VM.flags").                  % JcmdOutput{VM.flags, LOW, "-XX:CICompilerCount=2 ..."}
 * jcmd("GC.class_histogram", "-all") % High: the console asks first
 * </pre>
 */
final class Jcmd extends FunctionBase {
    static final int MAX_CHARS = 1024 * 1024;
    static final int MAX_ARGUMENT_CHARS = 4096;

    Jcmd() {
        super(Declaration.JCMD);
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        List<DiagnosticCommandInfo> catalog;
        try {
            catalog = DiagnosticCommands.catalog();
        } catch (UnsupportedOperationException e) {
            throw FunctionException.failed(e.getMessage());
        }
        if (args.count() == 0) {
            return list(catalog);
        }
        String name = args.text(0, "the command, e.g. jcmd(\"VM.flags\")", MAX_ARGUMENT_CHARS);
        DiagnosticCommandInfo command = catalog.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> unknown(name, catalog));
        String refused = JcmdPolicy.refusal(command);
        if (refused != null) {
            throw FunctionException.badArgument("diag does not run " + name + ": it " + refused);
        }
        String written = args.count() == 2 ? args.text(1, "the command's arguments as one string, e.g. "
                + "jcmd(\"Thread.print\", \"-l\")", MAX_ARGUMENT_CHARS) : "";
        List<String> arguments = written.isBlank() ? List.of() : List.of(written.strip().split("\\s+"));
        String refusedArguments = JcmdPolicy.refusal(command, arguments);
        if (refusedArguments != null) {
            throw FunctionException.badArgument("diag does not run that: " + refusedArguments);
        }
        String text;
        try {
            text = DiagnosticCommands.run(command.operation(), arguments.toArray(String[]::new));
        } catch (UnsupportedOperationException e) {
            throw FunctionException.failed(e.getMessage());
        }
        long cut = Math.max(0, text.length() - MAX_CHARS);
        return new JcmdOutput(name, String.join(" ", arguments), level(command.impact()).name(),
                cut == 0 ? text : text.substring(0, MAX_CHARS), cut);
    }

    private static JcmdCommands list(List<DiagnosticCommandInfo> catalog) {
        List<JcmdCommands.Command> commands = new ArrayList<>();
        for (DiagnosticCommandInfo c : catalog) {
            commands.add(new JcmdCommands.Command(c.name(), level(c.impact()).name(), c.impact(), c.description(),
                    JcmdPolicy.refusal(c)));
        }
        return new JcmdCommands(commands);
    }

    /**
     * The level the JVM's impact text starts with: "Low", "Medium: Depends on ...", "Medium; can be high
     * for very large java heaps", "High: ...". A text that starts with none of them is HIGH: what the JVM
     * does not say is cheap is asked about.
     */
    static Impact.Level level(String impact) {
        String first = impact.strip().split("[:;,.\\s]", 2)[0].toUpperCase(Locale.ROOT);
        return switch (first) {
            case "LOW" -> Impact.Level.LOW;
            case "MEDIUM" -> Impact.Level.MEDIUM;
            default -> Impact.Level.HIGH;
        };
    }

    private static FunctionException unknown(String name, List<DiagnosticCommandInfo> catalog) {
        List<String> names = catalog.stream().map(DiagnosticCommandInfo::name).toList();
        List<String> near = EditDistance.nearest(names, name, 3);
        if (near.isEmpty()) { // no typo in sight: the same family (VM.*) is the next best hint
            String family = name.contains(".") ? name.substring(0, name.indexOf('.') + 1) : name;
            near = names.stream().filter(n -> n.regionMatches(true, 0, family, 0, family.length())).limit(3).toList();
        }
        return FunctionException.badArgument("the JVM has no diagnostic command " + Echo.of(name)
                + (near.isEmpty() ? "" : "; nearest: " + String.join(", ", near)) + "; jcmd() lists all "
                + names.size());
    }

    @Override
    public boolean audited() {
        return true; // every command is audited: which one runs, and so its cost, is in its arguments
    }
}
