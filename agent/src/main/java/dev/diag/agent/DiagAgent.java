package dev.diag.agent;

import dev.diag.agent.functions.Functions;
import dev.diag.agent.server.DiagServer;
import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.CookieException;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
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

    public static RunningAgent start(AgentOptions options) throws AgentStartException {
        DiagHome home = DiagHome.fromEnvironment();
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
            server = DiagServer.start(options, cookie, Functions.all());
        } catch (IOException e) {
            throw new AgentStartException("cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage());
        }
        InetSocketAddress address = server.address();
        NodeRecord record = new NodeRecord(options.name(), pid, address.getAddress().getHostAddress(), address.getPort(),
                Runtime.version().toString(), ProcessHandle.current().info().startInstant()
                        .map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis()));
        try {
            registry.register(record);
        } catch (IOException e) {
            server.close();
            throw new AgentStartException("cannot register the node in " + home.nodes() + ": " + e.getMessage());
        }
        return new RunningAgent(options.name(), server, registry, pid);
    }
}
