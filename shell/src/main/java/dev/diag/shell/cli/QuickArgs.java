package dev.diag.shell.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises the plain one-shot invocation, {@code diag --cmd EXPR [--node N] [--json]
 * [--timeout S] [--cookie-file P]}, without loading picocli. Anything else — help, a
 * subcommand, an unknown or repeated flag, a value that is not plainly a value — returns null
 * and goes to picocli, which then owns the error message. {@code QuickArgsTest} checks that
 * both parsers read every accepted command line the same way.
 */
public final class QuickArgs {
    public static final String CMD = "--cmd";

    private QuickArgs() {
    }

    /** A one-shot invocation, ready to run. */
    public record Parsed(List<String> commands, ConnectionOptions options) {
        public int run() {
            try {
                return ScriptRunner.run(options, commands);
            } catch (DiagException e) {
                return e.report(new PrintWriter(System.err, true));
            }
        }
    }

    /** The invocation, or null when picocli must read these arguments. */
    public static Parsed parse(String[] args) {
        List<String> commands = new ArrayList<>();
        ConnectionOptions options = new ConnectionOptions();
        boolean node = false;
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
                case ConnectionOptions.NODE -> {
                    if (node) {
                        return null;
                    }
                    node = true;
                    options.node = value;
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
        return commands.isEmpty() ? null : new Parsed(commands, options);
    }
}
