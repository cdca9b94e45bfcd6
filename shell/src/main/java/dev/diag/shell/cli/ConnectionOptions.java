package dev.diag.shell.cli;

import dev.diag.protocol.cookie.DiagHome;
import dev.diag.shell.client.Connector;
import dev.diag.shell.client.ViaRules;
import dev.diag.shell.functions.OutputFile;
import dev.diag.shell.render.ResultPrinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags every command that talks to a node shares (same words as the agent's options). */
public final class ConnectionOptions {
    public static final String NODE = "--node";
    public static final String NODES = "--nodes";
    public static final String COOKIE_FILE = "--cookie-file";
    public static final String TIMEOUT = "--timeout";
    public static final String JSON = "--json";
    public static final String VIA = "--via";
    public static final String TLS = "--tls";
    public static final String OUT = "--out";
    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    // One list for both spellings, so the nodes keep the order they were given in; a comma
    // cannot occur in a node name, so splitting --node on it too takes nothing away.
    @Option(names = {NODE, NODES}, paramLabel = "NODE", split = ",",
            description = "node to talk to: name, name@host or name@host:port (default: the only local node); "
                    + "repeat it, or give a comma list (--nodes a,b@db1), to run the calls on every node at once")
    List<String> nodes = new ArrayList<>();

    @Option(names = COOKIE_FILE, paramLabel = "PATH",
            description = "cookie to authenticate with (default: $DIAG_COOKIE_FILE, then ~/.diag/cookie)")
    String cookieFile;

    @Option(names = TIMEOUT, paramLabel = "SECONDS", defaultValue = "" + DEFAULT_TIMEOUT_SECONDS,
            description = "give up on connecting, or on a call, after this long (default: ${DEFAULT-VALUE})")
    int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    @Option(names = VIA, paramLabel = "COMMAND",
            description = "reach nodes written name@host through COMMAND's stdin and stdout, as ssh's ProxyCommand: "
                    + "%%h the host, %%p the port, e.g. --via 'ssh -W 127.0.0.1:%%p %%h' (default: the lines of "
                    + "$DIAG_HOME/via; none connects directly; docs/remote.md)")
    String via;
    @Option(names = TLS, description = "speak TLS to the node even on loopback (it is used anyway off loopback, "
            + "and wherever the node's record says so)")
    boolean tls;

    @Option(names = OUT, paramLabel = "FILE",
            description = "where an answer that is a file on this host goes: profile()'s flame graph (an .html file, or "
                    + "a directory for files named after node, event and time; default: the current directory)")
    Path out;

    @Option(names = JSON, description = "print one JSON object per line (for jq) instead of tables")
    boolean json;

    /** The node of a one-node call: the first one given, or null for "the only local node". */
    public String node() {
        return nodes.isEmpty() ? null : nodes.get(0);
    }

    /** Every node given, in order (--node repeated and --nodes lists together). */
    public List<String> nodes() {
        return List.copyOf(nodes);
    }

    /** The node of a command that talks to one node only, e.g. the console; several are a usage error. */
    public String oneNode(String what) throws DiagException {
        if (nodes.size() > 1) {
            throw new DiagException(ExitCode.USAGE, what + " talks to one node, and " + nodes.size()
                    + " were given; several nodes are for --cmd calls and calls piped to stdin.");
        }
        return node();
    }

    public Connector connector() throws DiagException {
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new DiagException(ExitCode.USAGE, "--timeout must be 1 to 3600 seconds.");
        }
        DiagHome home = DiagHome.fromEnvironment();
        return new Connector(home, cookieFile, timeoutSeconds * 1000, null, tls, ViaRules.load(home, via));
    }

    public ResultPrinter printer() {
        // every error line a script sees starts with "diag: ", as the CLI's own do
        return new ResultPrinter(System.out, FleetOutput.prefixed(System.err, "diag: "), json, TerminalWidth.ofStdout(),
                new OutputFile(out));
    }
}
