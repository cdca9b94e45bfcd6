package dev.diag.shell.cli;

import dev.diag.shell.client.Connector;
import dev.diag.shell.client.Evaluator;
import dev.diag.shell.client.Evaluator.Evaluation;
import dev.diag.shell.client.HelpAnswer;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.render.ResultPrinter;
import java.util.List;

/**
 * {@code diag --cmd EXPR ...}, or the calls piped to stdin: checks every expression before
 * connecting (a typo costs no connection), runs them in order on one session, prints each result.
 * With several nodes, {@link FleetRunner} runs this same session on each node at once.
 */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    /**
     * Runs {@code commands} with the connection flags the user gave; with no commands, runs the
     * calls on stdin (the caller has made sure it is not a terminal). An empty script runs nothing.
     */
    public static int run(ConnectionOptions options, List<String> commands) throws DiagException {
        List<String> calls = commands.isEmpty() ? StdinScript.read(System.in) : commands;
        if (calls.isEmpty()) {
            return ExitCode.OK.code;
        }
        List<String> nodes = options.nodes();
        if (nodes.size() > 1) {
            return FleetRunner.run(options.connector(), nodes, calls, options.json,
                    TerminalWidth.ofStdout(), System.out, System.err).code;
        }
        return run(options.connector(), options.node(), calls, options.printer());
    }

    public static int run(Connector connector, String node, List<String> commands, ResultPrinter printer) {
        ExitCode invalid = check(commands, node, printer);
        if (invalid != null) {
            return invalid.code;
        }
        return onlyHelp(commands) ? help(node, commands, printer).code
                : session(connector, node, node, commands, printer).code;
    }

    /** True when every call is help() or help(Fn): the shell answers those from its own table, with no node. */
    private static boolean onlyHelp(List<String> commands) {
        FunctionTable table = FunctionTable.standard();
        for (String command : commands) { // a loop, not a stream: no call site to link before connecting
            if (HelpAnswer.withoutNode(table, command).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static ExitCode help(String node, List<String> commands, ResultPrinter printer) {
        FunctionTable table = FunctionTable.standard();
        for (int i = 0; i < commands.size(); i++) {
            if (i > 0) {
                printer.separate();
            }
            printer.print(node == null ? "diag" : node, HelpAnswer.withoutNode(table, commands.get(i)).orElseThrow());
        }
        return ExitCode.OK;
    }

    /** Checks every call without connecting; reports the first bad one and returns its code, else null. */
    static ExitCode check(List<String> commands, String node, ResultPrinter printer) {
        FunctionTable table = FunctionTable.standard();
        for (String command : commands) {
            try {
                Evaluator.check(table, command);
            } catch (DiagException e) {
                printer.failure(node, command, "invalid", e.getMessage());
                return e.exit();
            }
        }
        return null;
    }

    /**
     * One node's session: connect to {@code typed}, run the calls in order, print each answer.
     * A failed call does not stop the others; a lost connection ends the session. {@code label}
     * names the node in a failure to connect. Every wait is bounded by the connector's timeout.
     */
    static ExitCode session(Connector connector, String typed, String label, List<String> commands,
            ResultPrinter printer) {
        try (Connector.Connection connection = connector.open(typed)) {
            Evaluator evaluator = new Evaluator(FunctionTable.standard(), connection.client(), connector.timeoutMillis());
            ExitCode worst = ExitCode.OK;
            for (int i = 0; i < commands.size(); i++) {
                String command = commands.get(i);
                if (i > 0) {
                    printer.separate();
                }
                try {
                    // streamed rows print as they come, a chunk at a time; a script never waits for input,
                    // nor asks before a high-impact call: its author wrote the call out
                    Evaluation evaluation = evaluator.evaluate(command,
                            (call, spec) -> printer.chunkedRows(connection.node(), call, spec), null);
                    if (!printer.print(connection.node(), evaluation)) {
                        worst = ExitCode.worst(worst, evaluation instanceof Evaluation.Answer answer
                                ? ExitCode.ofCallError(answer.outcome().error()) : ExitCode.CALL_FAILED);
                    }
                } catch (DiagException e) {
                    printer.failure(connection.node(), command, "connection_lost", e.getMessage());
                    return ExitCode.worst(e.exit(), worst);
                }
            }
            return worst;
        } catch (DiagException e) {
            printer.failure(label, null, errorCode(e.exit()), e.getMessage());
            return e.exit();
        } finally {
            printer.flushRows(); // whatever ends the session, no row it received is left unwritten
        }
    }

    /** The {@code error.code} of a session that could not start, in --json output. */
    private static String errorCode(ExitCode exit) {
        return switch (exit) {
            case AUTH_REFUSED -> "auth_refused";
            case USAGE -> "invalid";
            default -> "unreachable";
        };
    }
}
