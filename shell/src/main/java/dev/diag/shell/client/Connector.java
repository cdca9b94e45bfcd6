package dev.diag.shell.client;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.cookie.UnsafePathException;
import dev.diag.protocol.handshake.HandshakeException;
import dev.diag.protocol.node.DirectoryPort;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Opens an authenticated session to a node by the name the user typed, and turns every way
 * that can fail into one sentence with its exit code. A node that cannot be reached and a node
 * that refuses our cookie are different problems (Erlang calls both "nodedown"); so are they here.
 * A name the local registry does not know is looked up on its host's directory port
 * ({@link DirectoryLookup}); safe to use from several threads at once. A node whose host matches
 * {@link ViaRules} (--via, $DIAG_HOME/via) is found and reached through that command's pipes instead.
 */
public final class Connector {
    private final DiagHome home;
    private final String cookieFile;
    private final int timeoutMillis;
    private final DirectoryLookup directory;
    private final ViaRules vias;
    private final Integer directoryPort;
    private final ConcurrentMap<ViaCommand, DirectoryLookup> tunnelledDirectories = new ConcurrentHashMap<>();
    private final boolean tls;
    private final SshMasters sshMasters;

    /** The directory port from $DIAG_DIRECTORY_PORT, else 4370. */
    public Connector(DiagHome home, String cookieFile, int timeoutMillis) {
        this(home, cookieFile, timeoutMillis, null);
    }

    /** {@code directoryPort}: the port to ask for names without a port, 0 for none, null for $DIAG_DIRECTORY_PORT. */
    public Connector(DiagHome home, String cookieFile, int timeoutMillis, Integer directoryPort) {
        this(home, cookieFile, timeoutMillis, directoryPort, false);
    }

    /** {@code tls}: speak TLS to every node (--tls), not only where a record or the address says so. */
    public Connector(DiagHome home, String cookieFile, int timeoutMillis, Integer directoryPort, boolean tls) {
        this(home, cookieFile, timeoutMillis, directoryPort, tls, ViaRules.direct());
    }

    /** {@code vias}: which nodes go through a {@code --via} command (docs/remote.md). */
    public Connector(DiagHome home, String cookieFile, int timeoutMillis, Integer directoryPort, boolean tls,
            ViaRules vias) {
        this.vias = vias;
        this.directoryPort = directoryPort;
        this.home = home;
        this.tls = tls;
        this.cookieFile = cookieFile;
        this.timeoutMillis = timeoutMillis;
        this.sshMasters = new SshMasters(home.dir());
        this.directory = new DirectoryLookup(directoryPort, System.getenv(DirectoryPort.ENV), cookieSource(),
                timeoutMillis, tls);
    }

    private DirectoryLookup.CookieSource cookieSource() {
        return new DirectoryLookup.CookieSource() {
            @Override
            public Cookie load() throws DiagException {
                return cookie();
            }

            @Override
            public Path path() {
                return cookiePath();
            }
        };
    }

    /** The directories behind one --via command: one lookup per host even for a fleet (shared in flight). */
    private NodeResolver tunnelledResolver(ViaCommand via) {
        DirectoryLookup lookup = tunnelledDirectories.computeIfAbsent(via, command -> new DirectoryLookup(
                directoryPort, System.getenv(DirectoryPort.ENV), cookieSource(), timeoutMillis, false, command, sshMasters));
        return new NodeResolver(new NodeRegistry(home.nodes()), lookup, true);
    }

    public DiagHome home() {
        return home;
    }

    public int timeoutMillis() {
        return timeoutMillis;
    }

    public NodeResolver resolver() {
        return new NodeResolver(new NodeRegistry(home.nodes()), directory);
    }

    public Connection open(String typedNode) throws DiagException {
        Optional<ContainerNodes.Node> inContainer = ContainerSessions.find(home, typedNode);
        if (inContainer.isPresent()) { // injected into a container: its Unix-domain socket, not TCP
            return ContainerSessions.open(inContainer.get(), cookie(), cookiePath(), timeoutMillis);
        }
        ViaCommand via = vias.forNode(typedNode).orElse(null);
        NodeResolver.Target target = (via == null ? resolver() : tunnelledResolver(via)).resolve(typedNode);
        Cookie cookie = cookie();
        String where = target.display() + " at " + target.address().getHostString() + ":" + target.address().getPort()
                + (via == null ? "" : " through --via");
        // through --via, SSH protects the path: the diag handshake runs inside it as on loopback
        boolean overTls = via == null && target.needsTls(tls);
        try {
            DiagClient client;
            if (via != null) {
                client = sshMasters.connect(via, target.address().getHostString(), target.address().getPort(),
                        cookie, timeoutMillis);
            } else {
                try {
                    client = DiagClient.connect(target.address(), cookie, timeoutMillis, overTls);
                } catch (HandshakeException e) {
                    if (e.failure() != HandshakeException.Failure.TLS_REQUIRED || overTls) {
                        throw e;
                    }
                    // A tls=true node on loopback, typed with its port: asking again over TLS gives nothing away.
                    overTls = true;
                    client = DiagClient.connect(target.address(), cookie, timeoutMillis, true);
                }
            }
            if (!client.agentName().equals(target.name())) {
                // A port reused by another node after a restart: the right cookie, the wrong node.
                client.close();
                throw new DiagException(ExitCode.UNREACHABLE, target.address().getHostString() + ":"
                        + target.address().getPort() + " is node " + client.agentName() + ", not " + target.name()
                        + (isDirectoryPort(target.address().getPort())
                                ? "; that is the directory port, where any node of the host may answer: leave the "
                                        + "port out (" + target.name() + "@" + target.address().getHostString()
                                        + ") to look " + target.name() + " up there."
                                : "; diag nodes lists where each node listens."));
            }
            return new Connection(target.display(), client);
        } catch (HandshakeException e) {
            throw switch (e.failure()) {
                case WRONG_COOKIE -> overTls ? tlsProofRefused(target)
                        : new DiagException(ExitCode.AUTH_REFUSED, target.display()
                        + " refused our cookie (" + cookiePath() + "): use the node's cookie file, "
                        + "with --cookie-file or DIAG_COOKIE_FILE.");
                case TLS_REQUIRED -> new DiagException(ExitCode.UNREACHABLE, where
                        + " accepts only TLS, and refused it too: " + e.getMessage() + ".");
                case AGENT_NOT_AUTHENTIC -> new DiagException(ExitCode.AUTH_REFUSED, "the peer at "
                        + target.address().getHostString() + ":" + target.address().getPort()
                        + " could not prove it holds our cookie: it is not " + target.display()
                        + " or uses another cookie; nothing was sent to it.");
                case VERSION -> new DiagException(ExitCode.UNREACHABLE, where + " speaks another diag protocol: "
                        + e.getMessage() + "; use a shell of the node's version.");
                case MALFORMED -> new DiagException(ExitCode.UNREACHABLE, where
                        + " did not answer like a diag node (" + e.getMessage() + ").");
            };
        } catch (TunnelException e) {
            throw e.sentence(where);
        } catch (TunnelRefusedException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot reach " + where + ": " + e.getMessage()
                    + "; is the node still running there, and does the command forward to the address it is bound to "
                    + "(ssh -W 127.0.0.1:%p %h for the default loopback)?");
        } catch (SSLException e) {
            throw new DiagException(ExitCode.UNREACHABLE, where + " did not complete a TLS 1.3 handshake ("
                    + e.getMessage() + "): it may be an older diag node that speaks only plaintext, or not a diag node.");
        } catch (ConnectException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot reach " + where
                    + ": connection refused; is the node still running? diag nodes lists local nodes.");
        } catch (SocketTimeoutException e) {
            throw new DiagException(ExitCode.UNREACHABLE, where + " did not answer within "
                    + timeoutMillis / 1000 + " s; try again, or raise --timeout.");
        } catch (UnknownHostException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot reach " + target.display()
                    + ": unknown host " + e.getMessage() + ".");
        } catch (EOFException e) {
            throw new DiagException(ExitCode.UNREACHABLE, where
                    + " closed the connection during the handshake: it has as many connections as it takes"
                    + " (max-connections, max-startups), or it is not a diag node; try again in a moment.");
        } catch (IOException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot reach " + where + ": " + e.getMessage() + ".");
        }
    }

    /**
     * Over TLS the node checks our proof against the certificate it sent: a man in the middle who
     * showed us its own certificate fails exactly as a wrong cookie does, and neither side can
     * tell which; the sentence names both.
     */
    private DiagException tlsProofRefused(NodeResolver.Target target) {
        return new DiagException(ExitCode.AUTH_REFUSED, "the node at " + target.address().getHostString() + ":"
                + target.address().getPort() + " refused our proof over TLS: either our cookie (" + cookiePath()
                + ") is not the cookie of " + target.name() + ", or something between us and the node showed us another "
                + "TLS certificate than the node's (a man in the middle); nothing but the handshake was sent. Check the "
                + "cookie (--cookie-file or DIAG_COOKIE_FILE) and the network path.");
    }

    private boolean isDirectoryPort(int port) {
        try {
            return port == directory.port();
        } catch (DiagException e) {
            return false;
        }
    }

    private Cookie cookie() throws DiagException {
        Path path = cookiePath();
        try {
            return CookieFile.load(path);
        } catch (NoSuchFileException e) {
            throw new DiagException(ExitCode.AUTH_REFUSED, "there is no cookie at " + path
                    + ": a node creates it on first start; copy the node's cookie there or pass --cookie-file.");
        } catch (UnsafePathException e) {
            throw new DiagException(ExitCode.AUTH_REFUSED, e.getMessage() + "."); // names the path and the fix
        } catch (IOException e) {
            throw new DiagException(ExitCode.AUTH_REFUSED, "cannot use the cookie: " + e.getMessage() + ".");
        }
    }

    private Path cookiePath() {
        return home.cookieFile(cookieFile);
    }

    /** An open session and the node's display name. */
    public record Connection(String node, DiagClient client) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing a socket that is already gone
            }
        }
    }
}
