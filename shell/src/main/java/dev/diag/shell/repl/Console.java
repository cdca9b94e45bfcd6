package dev.diag.shell.repl;

import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import dev.diag.shell.client.Connector;
import dev.diag.shell.client.Evaluator;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.render.ResultPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The console: an Erlang-shaped prompt, {@code (demo@host)1>}, on one node. Reads a line,
 * evaluates it on the node, prints the answer at the terminal's width. Ctrl-C during a call
 * cancels the call on the node; {@code q().} leaves the console and never stops the node.
 */
public final class Console {
    private Console() {
    }

    public static int run(Connector connector, String node) throws DiagException {
        // terminal
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new DiagException(ExitCode.USAGE, "cannot open the terminal: " + e.getMessage() + ".");
        }
        try (terminal; Connector.Connection connection = connector.open(node)) {
            PrintStream out = new PrintStream(terminal.output(), true);
            Evaluator evaluator = new Evaluator(FunctionTable.standard(), connection.client(), 0);

            // line reader, with history kept across sessions
            Path history = connector.home().history();
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("diag")
                    .variable(LineReader.HISTORY_FILE, history)
                    .build();

            // Ctrl-C while a call runs cancels the call on the node, not the console
            terminal.handle(Terminal.Signal.INT, signal -> {
                try {
                    connection.client().cancel();
                } catch (IOException ignored) {
                    // the call's own read reports the lost connection
                }
            });

            out.println("Attached to " + connection.node() + ". help(). lists functions; q(). leaves "
                    + "(the node keeps running).");
            return loop(reader, out, evaluator, connection.node());
        } catch (IOException e) {
            return ExitCode.OK.code; // closing the terminal failed after the session ended
        }
    }

    private static int loop(LineReader reader, PrintStream out, Evaluator evaluator, String node) throws DiagException {
        int counter = 1;
        boolean interruptedOnce = false;
        while (true) {
            String line;
            try {
                line = reader.readLine("(" + node + ")" + counter + "> ");
                interruptedOnce = false;
            } catch (UserInterruptException e) {
                if (interruptedOnce) {
                    return ExitCode.OK.code;
                }
                out.println("(Ctrl-C again or q(). to leave; the node keeps running)");
                interruptedOnce = true;
                continue;
            } catch (EndOfFileException e) {
                return ExitCode.OK.code;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (isQuit(trimmed)) {
                return ExitCode.OK.code;
            }
            ResultPrinter printer = new ResultPrinter(out, out, false, reader.getTerminal().getWidth());
            Pager pager = new Pager(reader, out, evaluator.client());
            Evaluator.Evaluation evaluation = evaluator.evaluate(trimmed,
                    (call, spec) -> pager.page(printer.rows(node, call, spec)));
            if (!pager.quit()) { // quitting a listing cancels it: its "cancelled" answer is no news
                printer.print(node, evaluation);
            }
            counter++;
        }
    }

    private static boolean isQuit(String line) {
        String bare = line.endsWith(".") ? line.substring(0, line.length() - 1).strip() : line;
        return bare.equals("q()") || bare.equals("q") || bare.equals("quit") || bare.equals("exit");
    }
}
