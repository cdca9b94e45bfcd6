package dev.diag.agent;

import dev.diag.agent.heart.Heart;
import dev.diag.agent.probe.GcHistory;
import dev.diag.agent.probe.ShutdownWatch;
import dev.diag.agent.server.DiagServer;
import dev.diag.protocol.message.RecordJson;
import dev.diag.protocol.node.LocalHost;
import dev.diag.protocol.node.NodeRegistry;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started agent. {@link #close()} stops the server, ends every session and removes the
 * registry entry, leaving nothing behind (heart, if on, is told goodbye and exits without a
 * restart). It is the one way an agent stops: the embedding API calls it, and so does the
 * {@code stop()} function through the {@link StopSwitch}; the second of the two does nothing.
 *
 * When the JVM exits the agent stops nothing: it serves until the JVM halts, so a JVM hung in a
 * shutdown hook can still be asked why ({@code system_info(shutdown)}); its daemon threads die
 * with it, and its registry entry, whose pid and start time are then dead, is stale and removed
 * by the next reader (NodeRecord.isAlive). Its one hook ({@link ShutdownWatch}) notes when
 * shutdown began and tells heart goodbye, so heart never restarts a JVM that exited on purpose.
 */
public final class RunningAgent implements AutoCloseable {
    private final String name;
    private final DiagServer server;
    private final NodeRegistry registry;
    private final long pid;
    private final ShutdownWatch shutdown;
    private final String directoryProblem;
    private final Heart heart;
    private final GcHistory gcHistory;
    private final boolean tls;
    private final StopSwitch stopSwitch;
    private final AtomicBoolean closed = new AtomicBoolean();

    RunningAgent(String name, DiagServer server, NodeRegistry registry, long pid, String directoryProblem, Heart heart,
            ShutdownWatch shutdown, GcHistory gcHistory, boolean tls, StopSwitch stopSwitch) {
        this.gcHistory = gcHistory;
        this.name = name;
        this.tls = tls;
        this.heart = heart;
        this.directoryProblem = directoryProblem;
        this.server = server;
        this.registry = registry;
        this.pid = pid;
        this.shutdown = shutdown;
        this.stopSwitch = stopSwitch;
        shutdown.arm(heart::close); // in a JVM already shutting down (inject), says goodbye now and adds no hook
        stopSwitch.connect(nodeName(), this::close);
    }

    public String nodeName() {
        return name + "@" + LocalHost.name();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** Whether the node speaks TLS (on its own port and the directory port alike). */
    public boolean speaksTls() {
        return tls;
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
        if (!closed.compareAndSet(false, true)) {
            return; // stopped already (stop() and then the embedding app's close, or the reverse)
        }
        shutdown.disarm(); // false in shutdown: the watch runs or ran, and stopping now is still right
        stop();
    }

    private void stop() {
        heart.close(); // first: goodbye before anything slow, so heart never mistakes this exit for a death
        registry.unregister(name, pid);
        server.close();
        stopSwitch.undoChanges(); // after the server: no call can change the target again (logger levels back)
        gcHistory.close();
        RecordJson.dropCaches(); // the result records' accessors: static state the stopped agent need not keep
        System.clearProperty(AgentMain.NODE); // leave nothing behind: a later load may start anew
        System.clearProperty(AgentMain.STATUS);
    }
}
