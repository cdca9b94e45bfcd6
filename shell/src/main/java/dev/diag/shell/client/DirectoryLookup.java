package dev.diag.shell.client;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.handshake.HandshakeException;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.node.DirectoryPort;
import dev.diag.protocol.node.NodeList;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Asks a host's directory port which nodes run there: connect, the ordinary mutual handshake,
 * {@code nodes()}, hang up. The kernel hands each connection to one of the host's nodes, so a
 * connection that fails on the way (that node is frozen, or dying) is tried again on a new one,
 * which may well reach another node: {@value #ATTEMPTS} tries in all, each with a share of the
 * timeout. A refused cookie is tried again too, up to {@value #COOKIE_TRIES} connections: nodes of
 * another cookie may share the port, and the directory of each cookie lists only its own nodes.
 * Concurrent asks for one host (a fleet on one host) share one answer.
 */
final class DirectoryLookup implements NodeResolver.Directory {
    static final int ATTEMPTS = 3;
    /**
     * Connections refused for our cookie before we conclude no node on the port holds it: with
     * half the port's nodes of another cookie, 12 misses in a row happen once in 4,096 lookups.
     */
    static final int COOKIE_TRIES = 12;

    /** Where the cookie comes from, read only when a directory is asked. */
    interface CookieSource {
        Cookie load() throws DiagException;

        Path path();
    }

    private final Integer explicitPort;
    private final String environment;
    private final CookieSource cookie;
    private final int timeoutMillis;
    private final ViaCommand via;
    private final SshMasters masters;
    private final boolean tls;
    private final ConcurrentMap<String, CompletableFuture<Optional<NodeList>>> inFlight = new ConcurrentHashMap<>();

    /** {@code explicitPort} null: {@code environment} (the value of DIAG_DIRECTORY_PORT) decides, then 4370. */
    DirectoryLookup(Integer explicitPort, String environment, CookieSource cookie, int timeoutMillis) {
        this(explicitPort, environment, cookie, timeoutMillis, false);
    }

    /** {@code tls}: always over TLS (--tls); else over TLS off loopback, or when a node there asks for it. */
    DirectoryLookup(Integer explicitPort, String environment, CookieSource cookie, int timeoutMillis, boolean tls) {
        this(explicitPort, environment, cookie, timeoutMillis, tls, null, null);
    }

    /**
     * {@code via}: ask each host's directory through this command (--via), or null to connect directly;
     * through it SSH protects the path, and {@code tls} does not apply; {@code masters} runs it.
     */
    DirectoryLookup(Integer explicitPort, String environment, CookieSource cookie, int timeoutMillis, boolean tls,
            ViaCommand via, SshMasters masters) {
        this.via = via;
        this.masters = masters;
        this.tls = tls;
        this.explicitPort = explicitPort;
        this.environment = environment;
        this.cookie = cookie;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public int port() throws DiagException {
        if (explicitPort != null) {
            return explicitPort;
        }
        OptionalInt port = DirectoryPort.parse(environment);
        if (port.isEmpty()) {
            throw new DiagException(ExitCode.USAGE, DirectoryPort.ENV + "=" + environment.strip() + " "
                    + DirectoryPort.RULE + ".");
        }
        return port.getAsInt();
    }

    @Override
    public Optional<NodeList> ask(String host) throws DiagException {
        CompletableFuture<Optional<NodeList>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<NodeList>> first = inFlight.putIfAbsent(host, mine);
        if (first != null) {
            try {
                return first.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof DiagException diag ? diag
                        : new DiagException(ExitCode.UNREACHABLE, "cannot ask the diag directory on " + host + ": "
                                + e.getCause() + ".");
            }
        }
        try {
            Optional<NodeList> answer = query(host);
            mine.complete(answer);
            return answer;
        } catch (DiagException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(host, mine); // a later ask sees nodes that started since
        }
    }

    private Optional<NodeList> query(String host) throws DiagException {
        int port = port();
        String where = host + ":" + port + (via == null ? "" : " through --via");
        Cookie key = cookie.load();
        // through --via the far end resolves the host (an ssh alias need not resolve here)
        InetSocketAddress address = via == null ? new InetSocketAddress(host, port)
                : InetSocketAddress.createUnresolved(host, port);
        if (via == null && address.isUnresolved()) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot reach the diag directory on " + host
                    + ": unknown host " + host + ".");
        }
        int attemptMillis = Math.max(1_000, timeoutMillis / ATTEMPTS);
        IOException last = null;
        CallError busy = null;
        int failures = 0;
        int refusals = 0;
        boolean overTls = via == null && (tls || DiagClient.crossesANetwork(address));
        while (failures < ATTEMPTS) {
            try (DiagClient client = via == null ? DiagClient.connect(address, key, attemptMillis, overTls)
                    : masters.connect(via, host, port, key, attemptMillis)) {
                CallOutcome outcome = client.call("nodes", List.of(), attemptMillis);
                if (!outcome.ok() && outcome.error() != null && CallError.BUSY.equals(outcome.error().code())) {
                    busy = outcome.error(); // its call threads are taken: a new connection may reach another node
                    failures++;
                    continue;
                }
                return Optional.of(listing(client, where, outcome));
            } catch (HandshakeException e) {
                if (e.failure() == HandshakeException.Failure.TLS_REQUIRED && !overTls) {
                    overTls = true; // the node that answered speaks only TLS on loopback (tls=true): ask again so
                    continue;
                }
                // Nodes of several cookies may share the port (one user, several homes): the kernel
                // gave this connection to one of another cookie, and a new one may reach one of ours.
                if (e.failure() != HandshakeException.Failure.WRONG_COOKIE || ++refusals == COOKIE_TRIES) {
                    throw refused(e, where, host, refusals);
                }
            } catch (SocketTimeoutException | EOFException | SocketException e) {
                // That node is frozen or dying, or none listens (ConnectException is a SocketException):
                // a new connection may reach another node.
                last = e;
                failures++;
            } catch (TunnelException e) {
                throw e.sentence("the diag directory at " + where); // ssh itself failed: no retry mends that
            } catch (IOException e) {
                throw notDiag(where, host, e.getMessage()); // an oversized or garbled frame
            }
        }
        if (last == null && busy != null) {
            throw new DiagException(ExitCode.BUSY, "the diag directory at " + where + " could not list its nodes: "
                    + busy.message() + ".");
        }
        if (last instanceof ConnectException) {
            return Optional.empty();
        }
        if (last instanceof SocketTimeoutException) {
            throw new DiagException(ExitCode.UNREACHABLE, "the diag directory at " + where + " did not answer within "
                    + attemptMillis / 1000 + " s, " + ATTEMPTS + " times; try again, raise --timeout, or give the "
                    + "node's port, NAME@" + host + ":PORT.");
        }
        if (last instanceof EOFException) {
            throw new DiagException(ExitCode.UNREACHABLE, "the diag directory at " + where + " closed the connection, "
                    + ATTEMPTS + " times; it may not be a diag node: give the node's port, NAME@" + host + ":PORT.");
        }
        throw new DiagException(ExitCode.UNREACHABLE, "cannot reach the diag directory at " + where + ": "
                + last.getMessage() + ".");
    }

    private static NodeList listing(DiagClient client, String where, CallOutcome outcome) throws DiagException {
        if (!outcome.ok()) {
            CallError error = outcome.error();
            if (error != null && CallError.UNKNOWN_FUNCTION.equals(error.code())) {
                throw new DiagException(ExitCode.UNREACHABLE, "node " + client.agentName() + " answered on the directory "
                        + "port " + where + " but has no nodes(): its agent is older than this shell; give the node's "
                        + "port, NAME@HOST:PORT.");
            }
            throw new DiagException(ExitCode.UNREACHABLE, "the diag directory at " + where + " could not list its nodes: "
                    + (error == null ? "no reason given" : error.message()) + ".");
        }
        try {
            return RecordReader.read(outcome.result(), NodeList.class);
        } catch (IOException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "the diag directory at " + where + " answered nodes() in a "
                    + "shape this shell cannot read (" + e.getMessage() + ").");
        }
    }

    private DiagException refused(HandshakeException e, String where, String host, int refusals) {
        return switch (e.failure()) {
            case WRONG_COOKIE -> new DiagException(ExitCode.AUTH_REFUSED, "the diag directory at " + where
                    + " refused our cookie (" + cookie.path() + ") on " + refusals + " connections: no node there "
                    + "holds it; use the cookie of the nodes on " + host + ", with --cookie-file or DIAG_COOKIE_FILE.");
            case AGENT_NOT_AUTHENTIC -> new DiagException(ExitCode.AUTH_REFUSED, "the peer at " + where
                    + " (the diag directory port) could not prove it holds our cookie: it is no node of ours, or "
                    + "uses another cookie; nothing was sent to it.");
            case VERSION -> new DiagException(ExitCode.UNREACHABLE, "the diag directory at " + where
                    + " speaks another diag protocol: " + e.getMessage() + "; use a shell of the nodes' version.");
            case MALFORMED -> notDiag(where, host, e.getMessage());
            case TLS_REQUIRED -> new DiagException(ExitCode.UNREACHABLE, "the diag directory at " + where
                    + " accepts only TLS, and refused it too: " + e.getMessage() + ".");
        };
    }

    private static DiagException notDiag(String where, String host, String why) {
        return new DiagException(ExitCode.UNREACHABLE, where + " did not answer like a diag directory (" + why
                + "): another program holds that port; give the node's port, NAME@" + host + ":PORT.");
    }
}
