package dev.diag.agent;

import dev.diag.agent.functions.Functions;
import dev.diag.agent.heart.Heart;
import dev.diag.agent.probe.GcHistory;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.ShutdownWatch;
import dev.diag.agent.server.DiagServer;
import dev.diag.agent.tls.NodeIdentity;
import dev.diag.agent.tls.ServerTls;
import dev.diag.agent.tls.TlsOptions;
import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.CookieException;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.node.DirectoryPort;
import dev.diag.protocol.node.LocalHost;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The embedding API: start the agent from code, as {@code -javaagent} does from the command line.
 *
 * <pre>
 * try (RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=orders"))) {
 *     ... the application runs ...
 * }
 * </pre>
 *
 * Costs one daemon I/O thread while idle; call threads start on demand and die when idle. With
 * heart=true, also the beat thread and heart's own small JVM (see {@link Heart}). Listens
 * on two sockets: the node's own port and the host's shared directory port (see DiagServer).
 */
public final class DiagAgent {
    private DiagAgent() {
    }

    /** Starts without Instrumentation: probes that need JDK internals see only what --add-opens allows. */
    public static RunningAgent start(AgentOptions options) throws AgentStartException {
        return start(options, null);
    }

    /** Starts with the Instrumentation of -javaagent or dynamic attach (may be null). */
    public static RunningAgent start(AgentOptions options, Instrumentation instrumentation) throws AgentStartException {
        DiagHome home = options.home() == null ? DiagHome.fromEnvironment() : new DiagHome(Path.of(options.home()));
        Cookie cookie;
        try {
            home.create().checkModes(); // StrictModes: a home another user can write is theirs, not ours
            cookie = options.cookieDrop() != null ? CookieDrop.take(Path.of(options.cookieDrop()))
                    : CookieFile.loadOrCreate(home.cookieFile(options.cookieFile()));
        } catch (CookieException e) {
            throw new AgentStartException(e.getMessage());
        } catch (IOException e) {
            throw new AgentStartException("cannot create " + home.dir() + ": " + e.getMessage());
        }
        NodeRegistry registry = new NodeRegistry(home.nodes(), cookie.fingerprint());
        long pid = ProcessHandle.current().pid();
        Optional<NodeRecord> existing = registry.lookup(options.name());
        if (existing.isPresent() && existing.get().pid() != pid) {
            throw new AgentStartException("a node named " + options.name() + " already runs as pid "
                    + existing.get().pid() + "; choose another with name=");
        }
        Heart heart; // off unless heart=true; reads the restart command now, so a bad file stops nothing yet
        try {
            heart = Heart.prepare(options.heart());
        } catch (IOException e) {
            throw new AgentStartException("cannot read the heart command from " + options.heart().commandFile() + ": "
                    + e.getMessage());
        }
        TlsOptions.Policy policy;
        ServerTls tls; // null: plaintext only
        try {
            policy = options.tls().policy(options.bind());
            tls = policy.tls() ? serverTls(home.tlsKey(options.name()), policy) : null;
        } catch (AgentOptions.BadOptionException e) {
            throw new AgentStartException(e.getMessage());
        }
        String directoryEnv = System.getenv(DirectoryPort.ENV);
        OptionalInt directoryPort = options.directoryPortOr(directoryEnv);
        // port=4370 on a host whose nodes share 4370 as their directory: the node's own port cannot be shared
        boolean clash = options.port() != 0 && directoryPort.isPresent() && directoryPort.getAsInt() == options.port();
        DiagServer server;
        JdkInternals internals = JdkInternals.open(instrumentation);
        ShutdownWatch shutdown = ShutdownWatch.open(); // after open(): the JDK's hook table is in java.lang
        GcHistory gcHistory = GcHistory.start(); // why()'s minute of GC: listening from now, closed with the agent
        StopSwitch stopSwitch = new StopSwitch(); // stop()'s way to the RunningAgent made below
        try {
            server = DiagServer.start(options, clash ? 0 : directoryPort.orElse(0), cookie,
                    Functions.all(internals, registry, heart, shutdown, gcHistory, stopSwitch), home.audit(), tls);
        } catch (IOException e) {
            gcHistory.close();
            throw new AgentStartException("cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage()
                    + (clash ? "; " + options.port() + " is the host's directory port, which the diag nodes share: "
                            + "choose another port=" : ""));
        }
        try {
            if (options.socket() != null) {
                server.listenUnix(Path.of(options.socket()), options.cookieDrop() != null);
            }
        } catch (IOException e) {
            server.close();
            gcHistory.close();
            throw new AgentStartException("cannot listen on the socket " + options.socket() + ": " + e.getMessage());
        }
        InetSocketAddress address = server.address();
        NodeRecord record = NodeRecord.ofThisProcess(options.name(), address.getAddress().getHostAddress(),
                address.getPort(), tls != null).withCookieFingerprint(cookie.fingerprint());
        // heart before the registry: a node anyone can find is a node heart already watches
        heart.start(options.name() + "@" + LocalHost.name());
        try {
            registry.register(record);
        } catch (IOException e) {
            heart.close();
            server.close();
            gcHistory.close();
            throw new AgentStartException("cannot register the node in " + home.nodes() + ": " + e.getMessage());
        }
        // One line, and the node runs on: the directory only saves the shell from knowing the port.
        String directoryProblem = directoryPort.isEmpty()
                ? DirectoryPort.ENV + "=" + directoryEnv.strip() + " " + DirectoryPort.RULE
                : clash ? "port=" + options.port() + " is the directory port too; choose another port= for the node"
                : server.directoryProblem() == null ? null
                : "port " + options.bind() + ":" + directoryPort.getAsInt() + ": " + server.directoryProblem();
        if (directoryProblem != null) {
            System.err.println("diag: node " + options.name() + " serves no directory (" + directoryProblem
                    + "); name@host finds it only with its port, " + options.name() + "@" + LocalHost.name() + ":"
                    + address.getPort());
        }
        if (policy.warn()) {
            System.err.println("diag: warning: node " + options.name() + " accepts plaintext connections on "
                    + options.bind() + " (insecure-plaintext=true): anyone on the network path can read its calls, "
                    + "results and user names");
        }
        return new RunningAgent(options.name(), server, registry, pid, directoryProblem, heart, shutdown, gcHistory,
                tls != null, stopSwitch);
    }

    /** The node's key and certificate (made on first use) and the JDK's TLS 1.3 server over them. */
    private static ServerTls serverTls(Path keyFile, TlsOptions.Policy policy) throws AgentStartException {
        try {
            SecureRandom random = new SecureRandom();
            return ServerTls.of(NodeIdentity.loadOrCreate(keyFile, random), policy, random);
        } catch (IOException e) {
            throw new AgentStartException(e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new AgentStartException("this JVM cannot serve TLS 1.3 (" + e.getMessage() + "); start the node with "
                    + "a loopback bind=, or on a JDK that can");
        }
    }
}
