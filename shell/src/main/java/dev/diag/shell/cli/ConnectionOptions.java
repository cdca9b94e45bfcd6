package dev.diag.shell.cli;

import dev.diag.protocol.cookie.DiagHome;
import dev.diag.shell.client.Connector;
import dev.diag.shell.render.ResultPrinter;
import picocli.CommandLine.Option;

/** The flags every command that talks to a node shares (same words as the agent's options). */
public final class ConnectionOptions {
    public static final String NODE = "--node";
    public static final String COOKIE_FILE = "--cookie-file";
    public static final String TIMEOUT = "--timeout";
    public static final String JSON = "--json";
    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    @Option(names = NODE, paramLabel = "NODE",
            description = "node to talk to: name, name@host or name@host:port (default: the only local node)")
    String node;

    @Option(names = COOKIE_FILE, paramLabel = "PATH",
            description = "cookie to authenticate with (default: $DIAG_COOKIE_FILE, then ~/.diag/cookie)")
    String cookieFile;

    @Option(names = TIMEOUT, paramLabel = "SECONDS", defaultValue = "" + DEFAULT_TIMEOUT_SECONDS,
            description = "give up on connecting, or on a call, after this long (default: ${DEFAULT-VALUE})")
    int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    @Option(names = JSON, description = "print one JSON object per line (for jq) instead of tables")
    boolean json;

    public String node() {
        return node;
    }

    public Connector connector() throws DiagException {
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new DiagException(ExitCode.USAGE, "--timeout must be 1 to 3600 seconds.");
        }
        return new Connector(DiagHome.fromEnvironment(), cookieFile, timeoutSeconds * 1000);
    }

    public ResultPrinter printer() {
        return new ResultPrinter(System.out, System.err, json, TerminalWidth.ofStdout());
    }
}
