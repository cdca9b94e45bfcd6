package dev.diag.agent;

import dev.diag.agent.server.DiagServer;
import dev.diag.protocol.node.LocalHost;
import dev.diag.protocol.node.NodeRegistry;
import java.net.InetSocketAddress;

/**
 * A started agent. {@link #close()} stops the server, ends every session and removes the
 * registry entry, leaving nothing behind; a shutdown hook does the same when the JVM exits.
 */
public final class RunningAgent implements AutoCloseable {
    private final String name;
    private final DiagServer server;
    private final NodeRegistry registry;
    private final long pid;
    private final Thread shutdownHook;

    RunningAgent(String name, DiagServer server, NodeRegistry registry, long pid) {
        this.name = name;
        this.server = server;
        this.registry = registry;
        this.pid = pid;
        this.shutdownHook = new Thread(this::stop, "diag-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public String nodeName() {
        return name + "@" + LocalHost.name();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it stops the agent
        }
        stop();
    }

    private void stop() {
        registry.unregister(name, pid);
        server.close();
        System.clearProperty(AgentMain.NODE); // leave nothing behind: a later load may start anew
        System.clearProperty(AgentMain.STATUS);
    }
}
