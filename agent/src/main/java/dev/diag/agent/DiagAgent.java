package dev.diag.agent;

import dev.diag.agent.functions.Functions;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.server.DiagServer;
import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.CookieException;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedding API: start the agent from code, as {@code -javaagent} does from the command line.
 *
 * <pre>
 * try (RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=orders"))) {
 *     ... the application runs ...
 * }
 * </pre>
 *
 * Costs one daemon I/O thread while idle; call threads start on demand and die when idle.
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
            home.create();
            cookie = CookieFile.loadOrCreate(home.cookieFile(options.cookieFile()));
        } catch (CookieException e) {
            throw new AgentStartException(e.getMessage());
        } catch (IOException e) {
            throw new AgentStartException("cannot create " + home.dir() + ": " + e.getMessage());
        }
        NodeRegistry registry = new NodeRegistry(home.nodes());
        long pid = ProcessHandle.current().pid();
        Optional<NodeRecord> existing = registry.lookup(options.name());
        if (existing.isPresent() && existing.get().pid() != pid) {
            throw new AgentStartException("a node named " + options.name() + " already runs as pid "
                    + existing.get().pid() + "; choose another with name=");
        }
        DiagServer server;
        try {
            server = DiagServer.start(options, cookie, Functions.all(JdkInternals.open(instrumentation)));
        } catch (IOException e) {
            throw new AgentStartException("cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage());
        }
        InetSocketAddress address = server.address();
        NodeRecord record = NodeRecord.ofThisProcess(options.name(), address.getAddress().getHostAddress(),
                address.getPort());
        try {
            registry.register(record);
        } catch (IOException e) {
            server.close();
            throw new AgentStartException("cannot register the node in " + home.nodes() + ": " + e.getMessage());
        }
        return new RunningAgent(options.name(), server, registry, pid);
    }
}
