package dev.diag.agent;

import dev.diag.agent.heart.Heart;
import dev.diag.agent.server.DiagServer;
import dev.diag.protocol.node.LocalHost;
import dev.diag.protocol.node.NodeRegistry;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A started agent. {@link #close()} stops the server, ends every session and removes the
 * registry entry, leaving nothing behind (heart, if on, is told goodbye and exits without a
 * restart); a shutdown hook does the same when the JVM exits.
 */
public final class RunningAgent implements AutoCloseable {
    private final String name;
    private final DiagServer server;
    private final NodeRegistry registry;
    private final long pid;
    private final Thread shutdownHook;
    private final String directoryProblem;
    private final Heart heart;

    RunningAgent(String name, DiagServer server, NodeRegistry registry, long pid, String directoryProblem, Heart heart) {
        this.name = name;
        this.heart = heart;
        this.directoryProblem = directoryProblem;
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

    /** Where this node serves the host's directory port; empty when it does not. */
    public Optional<InetSocketAddress> directoryAddress() {
        return server.directoryAddress();
    }

    /** Why the node serves no directory although one was asked for (as the start-up line says); else null. */
    public String directoryProblem() {
        return directoryProblem;
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
        heart.close(); // first: goodbye before anything slow, so heart never mistakes this exit for a death
        registry.unregister(name, pid);
        server.close();
        System.clearProperty(AgentMain.NODE); // leave nothing behind: a later load may start anew
        System.clearProperty(AgentMain.STATUS);
    }
}
