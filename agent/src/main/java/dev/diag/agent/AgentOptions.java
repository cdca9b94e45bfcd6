package dev.diag.agent;

import dev.diag.agent.heart.HeartOptions;
import dev.diag.agent.tls.TlsOptions;
import dev.diag.agent.server.limits.ConnectionOptions;
import dev.diag.agent.server.limits.StartupLimit;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.node.DirectoryPort;
import dev.diag.protocol.node.NodeName;
import java.util.OptionalInt;

/**
 * The agent's options, from {@code -javaagent:diag-agent.jar=name=orders,port=0} or from code.
 * The same words as the shell's flags (docs/options.md).
 *
 * <pre>
 * name=NAME          node name (default: "jvm" + pid)
 * port=N             TCP port, 0 for any free one (default 0)
 * bind=ADDRESS       listen address (default 127.0.0.1: loopback only)
 * cookie-file=PATH   cookie to use (default $DIAG_COOKIE_FILE, then ~/.diag/cookie)
 * max-frame=BYTES    largest frame accepted after authentication (default 16 MiB)
 * home=PATH          diag's directory for the cookie and the node registry (default $DIAG_HOME,
 *                    then ~/.diag); diag inject passes its own, so the shell finds the node
 * directory-port=N   the host's directory port, shared by every node of this user, where the
 *                    shell looks up name@host; 0 for none (default $DIAG_DIRECTORY_PORT, then 4370)
 * heart=true, heart-timeout=SECONDS, heart-command-file=PATH
 *                    the watchdog that restarts a hung or dead node (see HeartOptions, docs/heart.md)
 * socket=PATH        also listen on a Unix-domain socket there (mode 600; its directory must be
 *                    ours, mode 700): how diag inject reaches a node in a container
 * cookie-drop=PATH   take the cookie from this file and delete it (diag inject into a container
 *                    leaves its cookie there, so it never travels in the agent's options)
 * tls=true|false, insecure-plaintext=true
 *                    TLS, on by default off loopback (see TlsOptions, docs/security.md)
 * max-connections=N  connections at once, authenticated or not (default 0: an eighth of the fd
 *                    limit, 8 to 256; see ConnectionLimits)
 * max-startups=S:R:F unauthenticated connections: OpenSSH's MaxStartups (default 10:30:100)
 * </pre>
 *
 * {@code directoryPort} is null when not given: the agent then reads $DIAG_DIRECTORY_PORT when it
 * starts, as it reads $DIAG_HOME for a null {@code home}.
 */
public record AgentOptions(String name, int port, String bind, String cookieFile, int maxFrame, String home,
        Integer directoryPort, HeartOptions heart, TlsOptions tls, ConnectionOptions connections, String socket,
        String cookieDrop) {
    private static final String NAME_RULE = "1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit";

    /** Options without a home of their own: $DIAG_HOME, then ~/.diag. */
    public AgentOptions(String name, int port, String bind, String cookieFile, int maxFrame) {
        this(name, port, bind, cookieFile, maxFrame, null, null);
    }

    /** Options whose directory port comes from $DIAG_DIRECTORY_PORT, then 4370. */
    public AgentOptions(String name, int port, String bind, String cookieFile, int maxFrame, String home) {
        this(name, port, bind, cookieFile, maxFrame, home, null);
    }

    /** Options without heart. */
    public AgentOptions(String name, int port, String bind, String cookieFile, int maxFrame, String home,
            Integer directoryPort) {
        this(name, port, bind, cookieFile, maxFrame, home, directoryPort, HeartOptions.OFF);
    }

    /** Options with TLS as the bind decides and the default connection limits. */
    public AgentOptions(String name, int port, String bind, String cookieFile, int maxFrame, String home,
            Integer directoryPort, HeartOptions heart) {
        this(name, port, bind, cookieFile, maxFrame, home, directoryPort, heart, TlsOptions.DEFAULT);
    }

    /** Options with the default connection limits, without a Unix-domain socket or a dropped cookie. */
    public AgentOptions(String name, int port, String bind, String cookieFile, int maxFrame, String home,
            Integer directoryPort, HeartOptions heart, TlsOptions tls) {
        this(name, port, bind, cookieFile, maxFrame, home, directoryPort, heart, tls, ConnectionOptions.DEFAULTS, null,
                null);
    }

    /** Checked here too, not only in {@link #parse}: the embedding API builds options in code. */
    public AgentOptions {
        heart = heart == null ? HeartOptions.OFF : heart;
        tls = tls == null ? TlsOptions.DEFAULT : tls;
        connections = connections == null ? ConnectionOptions.DEFAULTS : connections;
        if (!NodeName.isBareName(name)) {
            throw new IllegalArgumentException("node name '" + name + "' must be " + NAME_RULE);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " must be 0 to 65535");
        }
        if (directoryPort != null && (directoryPort < 0 || directoryPort > 65535)) {
            throw new IllegalArgumentException("directory port " + directoryPort + " must be 0 to 65535");
        }
    }

    public static AgentOptions defaults() {
        return new AgentOptions("jvm" + ProcessHandle.current().pid(), 0, "127.0.0.1", null, FrameLimits.DEFAULT_MAX);
    }

    public AgentOptions withName(String newName) {
        return new AgentOptions(newName, port, bind, cookieFile, maxFrame, home, directoryPort, heart, tls,
                connections, socket, cookieDrop);
    }

    /** These options with heart as given, e.g. {@code withHeart(HeartOptions.on(30, "exec java ..."))}. */
    public AgentOptions withHeart(HeartOptions newHeart) {
        return new AgentOptions(name, port, bind, cookieFile, maxFrame, home, directoryPort, newHeart, tls,
                connections, socket, cookieDrop);
    }

    /** These options with TLS as given, e.g. {@code withTls(new TlsOptions(true, false))}. */
    public AgentOptions withTls(TlsOptions newTls) {
        return new AgentOptions(name, port, bind, cookieFile, maxFrame, home, directoryPort, heart, newTls,
                connections, socket, cookieDrop);
    }

    /**
     * The directory port to serve: the option, else {@code fromEnvironment} (the value of
     * $DIAG_DIRECTORY_PORT; unset means 4370). Empty when that value is not a port: the agent then
     * serves no directory and says why, rather than refusing to start over an environment
     * variable that may have been meant for the shell.
     */
    public OptionalInt directoryPortOr(String fromEnvironment) {
        return directoryPort != null ? OptionalInt.of(directoryPort) : DirectoryPort.parse(fromEnvironment);
    }

    /** Parses a comma-separated option string; null or empty means the defaults. */
    public static AgentOptions parse(String text) throws BadOptionException {
        AgentOptions options = defaults();
        if (text == null || text.isBlank()) {
            return options;
        }
        String name = options.name;
        int port = options.port;
        String bind = options.bind;
        String cookieFile = options.cookieFile;
        int maxFrame = options.maxFrame;
        String home = options.home;
        Integer directoryPort = options.directoryPort;
        HeartOptions heart = options.heart;
        TlsOptions tls = options.tls;
        ConnectionOptions connections = options.connections;
        String socket = null;
        String cookieDrop = null;
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new BadOptionException("agent option '" + pair + "' is not key=value");
            }
            String key = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            switch (key) {
                case "name" -> name = checkName(value);
                case "port" -> port = number(key, value, 0, 65535);
                case "bind" -> bind = value;
                case "cookie-file" -> cookieFile = value;
                case "max-frame" -> maxFrame = number(key, value, FrameLimits.PRE_AUTH_MAX, Integer.MAX_VALUE - 8);
                case "home" -> home = value;
                case "directory-port" -> directoryPort = number(key, value, 0, 65535);
                case "heart", "heart-timeout", "heart-command-file" -> heart = heart.with(key, value);
                case "tls", "insecure-plaintext" -> tls = tls.with(key, value);
                case "max-connections" -> connections = connections.withMaxConnections(number(key, value, 1, 65535));
                case "max-startups" -> connections = connections.withStartups(startups(value));
                case "socket" -> socket = value;
                case "cookie-drop" -> cookieDrop = value;
                default -> throw new BadOptionException("unknown agent option '" + key
                        + "'; known: name, port, bind, cookie-file, max-frame, home, directory-port, "
                        + ConnectionOptions.KEYS + ", socket, cookie-drop, " + HeartOptions.KEYS + ", " + TlsOptions.KEYS);
            }
        }
        return new AgentOptions(name, port, bind, cookieFile, maxFrame, home, directoryPort, heart, tls, connections,
                socket, cookieDrop);
    }

    private static StartupLimit startups(String value) throws BadOptionException {
        try {
            return StartupLimit.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException("agent option " + e.getMessage());
        }
    }

    private static String checkName(String value) throws BadOptionException {
        if (value.contains("@")) {
            throw new BadOptionException("agent option name=" + value + " must be a bare name; the host is this one");
        }
        if (!NodeName.isBareName(value)) {
            throw new BadOptionException("agent option name=" + value + " must be " + NAME_RULE);
        }
        return value;
    }

    private static int number(String key, String value, int min, int max) throws BadOptionException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadOptionException("agent option " + key + "=" + value + " must be a number from " + min + " to " + max);
    }

    /** An option string that cannot be used; the message says which option and why. */
    public static final class BadOptionException extends Exception {
        public BadOptionException(String message) {
            super(message);
        }
    }
}
