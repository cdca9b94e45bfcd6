package dev.diag.shell.client;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.handshake.HandshakeException;
import dev.diag.protocol.node.BadNodeNameException;
import dev.diag.protocol.node.NodeName;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sessions with nodes inside containers ({@link ContainerNodes}): over the node's Unix-domain
 * socket, reached through {@code /proc/PID/root}, with the same handshake as over TCP. A name
 * the local registry knows is never looked for here, so a container cannot shadow a host node.
 */
public final class ContainerSessions {
    private ContainerSessions() {
    }

    /** The records in {@code home}. */
    public static ContainerNodes in(DiagHome home) {
        return new ContainerNodes(home.dir().resolve("containers"));
    }

    /** The container node {@code typed} names: a bare or this host's name that no host node has. */
    static Optional<ContainerNodes.Node> find(DiagHome home, String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        NodeName name;
        try {
            name = NodeName.parse(typed);
        } catch (BadNodeNameException e) {
            return Optional.empty(); // the resolver says what is wrong with it
        }
        if (name.port() != null || !name.isLocal() || new NodeRegistry(home.nodes()).lookup(name.name()).isPresent()) {
            return Optional.empty();
        }
        return in(home).lookup(name.name());
    }

    static Connector.Connection open(ContainerNodes.Node node, Cookie cookie, Path cookiePath, int timeoutMillis)
            throws DiagException {
        Path socket = node.hostSocket();
        String where = node.name() + " (pid " + node.pid() + " on this host) at " + socket;
        try {
            DiagClient client = DiagClient.over(UnixSocket.connect(socket), cookie, timeoutMillis, false);
            if (!client.agentName().equals(node.name())) {
                client.close();
                throw new DiagException(ExitCode.UNREACHABLE, socket + " is node " + client.agentName() + ", not "
                        + node.name() + "; inject pid " + node.pid() + " again to record it afresh.");
            }
            return new Connector.Connection(new NodeName(node.name(), null, null).toString(), client);
        } catch (HandshakeException e) {
            if (e.failure() == HandshakeException.Failure.WRONG_COOKIE) {
                throw new DiagException(ExitCode.AUTH_REFUSED, node.name() + " refused our cookie (" + cookiePath
                        + "): it holds the cookie it was injected with; use that one with --cookie-file.");
            }
            throw new DiagException(ExitCode.UNREACHABLE, where + " did not answer like a diag node ("
                    + e.getMessage() + ").");
        } catch (SocketTimeoutException e) {
            throw new DiagException(ExitCode.UNREACHABLE, where + " did not answer within "
                    + timeoutMillis / 1000 + " s; try again, or raise --timeout.");
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "no reason given" : e.getMessage();
            throw new DiagException(ExitCode.UNREACHABLE, "cannot reach " + where + ": " + reason
                    + (reason.contains("Permission denied")
                            ? "; run diag as root or as the JVM's user."
                            : "; is the node still running? diag nodes lists the nodes."));
        }
    }
}
