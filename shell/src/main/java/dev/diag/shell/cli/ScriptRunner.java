package dev.diag.shell.cli;

import dev.diag.shell.client.Connector;
import dev.diag.shell.client.Evaluator;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.render.ResultPrinter;
import java.util.List;

/**
 * {@code diag --cmd EXPR ...}: checks every expression before connecting (a typo costs no
 * connection), runs them in order on one session, prints each result, never reads stdin.
 */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    /** Runs {@code commands} with the connection flags the user gave. */
    public static int run(ConnectionOptions options, List<String> commands) throws DiagException {
        return run(options.connector(), options.node(), commands, options.printer());
    }

    public static int run(Connector connector, String node, List<String> commands, ResultPrinter printer) {
        FunctionTable table = FunctionTable.standard();
        for (String command : commands) {
            try {
                Evaluator.check(table, command);
            } catch (DiagException e) {
                printer.failure(node, command, "invalid", e.getMessage());
                return e.exit().code;
            }
        }
        try (Connector.Connection connection = connector.open(node)) {
            Evaluator evaluator = new Evaluator(table, connection.client(), connector.timeoutMillis());
            boolean allOk = true;
            for (int i = 0; i < commands.size(); i++) {
                String command = commands.get(i);
                if (i > 0) {
                    printer.separate();
                }
                try {
                    // streamed rows print as they come; a script never waits for input
                    allOk &= printer.print(connection.node(), evaluator.evaluate(command,
                            (call, spec) -> printer.rows(connection.node(), call, spec)));
                } catch (DiagException e) {
                    printer.failure(connection.node(), command, "connection_lost", e.getMessage());
                    return e.exit().code;
                }
            }
            return allOk ? ExitCode.OK.code : ExitCode.CALL_FAILED.code;
        } catch (DiagException e) {
            printer.failure(node, null, e.exit() == ExitCode.AUTH_REFUSED ? "auth_refused" : "unreachable", e.getMessage());
            return e.exit().code;
        }
    }
}
