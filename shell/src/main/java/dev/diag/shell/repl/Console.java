package dev.diag.shell.repl;

import dev.diag.protocol.cookie.StrictModes;
import dev.diag.protocol.cookie.UnsafePathException;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import dev.diag.shell.client.Connector;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.jobs.Job;
import dev.diag.shell.jobs.JobTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jline.keymap.KeyMap;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The console: an Erlang-shaped prompt, {@code (orders@db1)1>}, with Erlang's job control. Each
 * job is a connection to a node with its own counter; ^G opens the User switch command menu.
 * Calls run on the job's thread, so ^G and Ctrl-C work while a call runs; Ctrl-C cancels the
 * call on the node, never the console; {@code q().} leaves and never stops a node.
 */
public final class Console {
    /** What the ^G key puts in the line: a character no one types, so readLine returns at once. */
    static final String SWITCH = "\u0007";

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
        try (terminal; JobTable jobs = new JobTable(connector, terminal.output())) {
            return session(terminal, jobs, connector).run(node);
        } catch (IOException e) {
            return ExitCode.OK.code; // closing the terminal failed after the session ended
        }
    }

    /**
     * Why the history file must not be read or written (StrictModes: another user could plant
     * lines in it, to be run again with an arrow key), or null when it may.
     */
    private static String unsafeHistory(Path history) {
        try {
            StrictModes.checkDirectory(history.getParent());
            StrictModes.checkFile(history);
            return null;
        } catch (UnsafePathException e) {
            return e.getMessage();
        }
    }

    // the coloured ones; the selection keeps its inverse video, which is not a colour
    private static final String[] COMPLETION_STYLES = {LineReader.COMPLETION_STYLE_STARTING,
        LineReader.COMPLETION_STYLE_DESCRIPTION, LineReader.COMPLETION_STYLE_GROUP, LineReader.COMPLETION_STYLE_BACKGROUND,
        LineReader.COMPLETION_STYLE_LIST_STARTING, LineReader.COMPLETION_STYLE_LIST_DESCRIPTION,
        LineReader.COMPLETION_STYLE_LIST_GROUP, LineReader.COMPLETION_STYLE_LIST_BACKGROUND};

    /** NO_COLOR set and not empty, as https://no-color.org defines it. */
    static boolean noColor() {
        String value = System.getenv("NO_COLOR");
        return value != null && !value.isEmpty();
    }

    /** A session on {@code terminal}; the tests give it a terminal on pipes. */
    static Session session(Terminal terminal, JobTable jobs, Connector connector) {
        PrintStream out = new PrintStream(terminal.output(), true);
        FunctionTable table = FunctionTable.standard();

        // line reader: Erlang-aware words, completion, history kept across sessions, ^G
        String unsafeHistory = unsafeHistory(connector.home().history());
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("diag")
                .parser(new WordParser())
                .completer(new ConsoleCompleter(table, jobs));
        if (noColor()) {
            // JLine colours the completion list and the typed line; https://no-color.org asks for none
            for (String style : COMPLETION_STYLES) {
                builder.variable(style, "fg:default"); // "" or "default" fall back to JLine's colours
            }
            builder.option(LineReader.Option.DISABLE_HIGHLIGHTER, true);
        }
        if (unsafeHistory == null) {
            builder.variable(LineReader.HISTORY_FILE, connector.home().history());
        } else {
            out.println("diag: " + unsafeHistory + "; until then the console keeps no history.");
        }
        LineReader reader = builder.build();
        reader.getWidgets().put("diag-switch", () -> {
            reader.getBuffer().clear();
            reader.getBuffer().write(SWITCH);
            reader.callWidget(LineReader.ACCEPT_LINE);
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("diag-switch"), KeyMap.ctrl('G'));

        // prompts that are not calls (the ^G menu, a pager's "continue?") stay out of the history
        LineReader plain = LineReaderBuilder.builder().terminal(terminal).appName("diag")
                .variable(LineReader.DISABLE_HISTORY, true).build();

        // Ctrl-C while a call runs cancels that call on its node, not the console
        terminal.handle(Terminal.Signal.INT, signal -> jobs.current().ifPresent(Job::interrupt));

        return new Session(terminal, reader, plain, out, jobs, connector);
    }
}
