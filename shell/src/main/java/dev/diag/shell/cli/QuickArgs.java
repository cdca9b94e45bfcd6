package dev.diag.shell.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Recognises the plain one-shot invocation, {@code diag --cmd EXPR [--node N]... [--nodes A,B]...
 * [--json] [--timeout S] [--cookie-file P]}, and the same without {@code --cmd} when the calls come
 * from a stdin that is not a terminal, without loading picocli. Anything else — help, a
 * subcommand, an unknown or repeated single-value flag, a value that is not plainly a value, a
 * node list with quotes or empty items — returns null and goes to picocli, which then owns the
 * error message. {@code QuickArgsTest} checks that both parsers read every accepted command line
 * the same way.
 */
public final class QuickArgs {
    public static final String CMD = "--cmd";

    private QuickArgs() {
    }

    /** A one-shot invocation, ready to run. */
    public record Parsed(List<String> commands, ConnectionOptions options) {
        public int run() {
            OneShotWarmup.start();
            try {
                return ScriptRunner.run(options, commands);
            } catch (DiagException e) {
                return e.report(new PrintWriter(System.err, true));
            }
        }
    }

    /** The invocation, or null when picocli must read these arguments. */
    public static Parsed parse(String[] args) {
        return parse(args, null); // no method reference: the fastest path bootstraps no lambda for it
    }

    /**
     * As {@link #parse(String[])}; {@code stdinIsTerminal} (null: ask {@link StdinScript}) is asked
     * only when there is no --cmd.
     */
    static Parsed parse(String[] args, BooleanSupplier stdinIsTerminal) {
        List<String> commands = new ArrayList<>();
        ConnectionOptions options = new ConnectionOptions();
        boolean cookie = false;
        boolean timeout = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String flag = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            if (flag.equals(ConnectionOptions.JSON) && eq < 0 && !options.json) {
                options.json = true;
                continue;
            }
            String value = eq > 0 && arg.startsWith("--") ? arg.substring(eq + 1) : (i + 1 < args.length ? args[++i] : null);
            if (value == null || value.startsWith("-")) {
                return null;
            }
            switch (flag) {
                case CMD -> commands.add(value);
                case ConnectionOptions.NODE, ConnectionOptions.NODES -> {
                    // picocli splits on commas but keeps quoted parts whole; leave quotes to it
                    if (value.indexOf('"') >= 0 || value.indexOf('\'') >= 0) {
                        return null;
                    }
                    for (String item : value.split(",", -1)) {
                        if (item.isEmpty()) {
                            return null;
                        }
                        options.nodes.add(item);
                    }
                }
                case ConnectionOptions.COOKIE_FILE -> {
                    if (cookie) {
                        return null;
                    }
                    cookie = true;
                    options.cookieFile = value;
                }
                case ConnectionOptions.TIMEOUT -> {
                    if (timeout || !value.matches("\\d{1,9}")) {
                        return null;
                    }
                    timeout = true;
                    options.timeoutSeconds = Integer.parseInt(value);
                }
                default -> {
                    return null;
                }
            }
        }
        // without --cmd: calls from a piped stdin, or the console (picocli's path) at a terminal
        if (commands.isEmpty()
                && (stdinIsTerminal == null ? StdinScript.isTerminal() : stdinIsTerminal.getAsBoolean())) {
            return null;
        }
        return new Parsed(commands, options);
    }
}
