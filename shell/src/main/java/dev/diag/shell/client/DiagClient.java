package dev.diag.shell.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.frame.FrameOpener;
import dev.diag.protocol.frame.FrameSealer;
import dev.diag.protocol.handshake.ClientHandshake;
import dev.diag.protocol.handshake.HandshakeException;
import dev.diag.protocol.handshake.Nonces;
import dev.diag.protocol.handshake.SessionKeys;
import dev.diag.protocol.handshake.TlsBinding;
import dev.diag.protocol.handshake.TlsClient;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;

/**
 * The shell's side of one session: plain blocking sockets (or a {@code --via} command's pipes: any
 * {@link Wire}) and the protocol module, no Netty, so a one-shot {@code diag --cmd} starts fast;
 * TLS 1.3 from the JDK when the node speaks it, its certificate bound into the handshake
 * ({@link TlsClient}). One call at a time; {@link #cancel} may be
 * called from another thread (Ctrl-C) while {@link #call} waits.
 */
public final class DiagClient implements AutoCloseable {
    private final Wire wire;
    private final DataInputStream in;
    private final OutputStream out;
    private final FrameSealer sealer;
    private final FrameOpener opener;
    private final String agentName;
    private long nextId = 1;
    private volatile long current;

    private DiagClient(Wire wire, DataInputStream in, SessionKeys keys, String agentName) throws IOException {
        this.wire = wire;
        this.in = in;
        this.out = wire.output();
        this.sealer = keys.clientSealer();
        this.opener = keys.clientOpener();
        this.agentName = agentName;
    }

    /**
     * Connects and authenticates within {@code timeoutMillis}. Failing to connect throws a plain
     * {@link IOException}; a refused or failed handshake a {@link HandshakeException}.
     */
    public static DiagClient connect(InetSocketAddress address, Cookie cookie, int timeoutMillis) throws IOException {
        return connect(address, cookie, timeoutMillis, false);
    }

    /**
     * Connects and authenticates within {@code timeoutMillis}, over TLS if {@code tls}: then a
     * TLS handshake that fails is an {@link javax.net.ssl.SSLException}.
     */
    public static DiagClient connect(InetSocketAddress address, Cookie cookie, int timeoutMillis, boolean tls)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, timeoutMillis);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return over(socket, cookie, timeoutMillis, tls);
    }

    /**
     * Authenticates within {@code timeoutMillis}, over TLS if {@code tls}, on a socket already
     * connected: TCP, or a node's Unix-domain socket ({@link UnixSocket}). Closes it when that fails.
     */
    static DiagClient over(Socket socket, Cookie cookie, int timeoutMillis, boolean tls) throws IOException {
        try {
            socket.setSoTimeout(timeoutMillis);
            TlsBinding binding = TlsBinding.NONE;
            if (tls) {
                SSLSocket secured = TlsClient.over(socket);
                socket = secured;
                binding = TlsClient.binding(secured);
            }
            return over(new SocketWire(socket), cookie, timeoutMillis, binding);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Authenticates over a byte channel already open, e.g. a {@code --via} command's pipes (SSH
     * protects those: no TLS binding), within {@code timeoutMillis}; the wire is closed if that fails.
     */
    public static DiagClient over(Wire wire, Cookie cookie, int timeoutMillis) throws IOException {
        return over(wire, cookie, timeoutMillis, TlsBinding.NONE);
    }

    private static DiagClient over(Wire wire, Cookie cookie, int timeoutMillis, TlsBinding binding)
            throws IOException {
        try {
            wire.readTimeout(timeoutMillis);
            DataInputStream in = new DataInputStream(new BufferedInputStream(wire.input()));
            OutputStream out = wire.output();
            ClientHandshake handshake = new ClientHandshake(cookie, clientName(), Nonces.source(), binding);
            FrameIO.write(out, handshake.hello());
            FrameIO.write(out, handshake.prove(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX)));
            SessionKeys keys = handshake.finish(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
            wire.readTimeout(0);
            return new DiagClient(wire, in, keys, handshake.agentName());
        } catch (IOException | RuntimeException e) {
            wire.close();
            throw e;
        }
    }

    /** Whether plaintext to {@code address} would cross a network: anything but this host's loopback. */
    public static boolean crossesANetwork(InetSocketAddress address) {
        return address.getAddress() == null || !address.getAddress().isLoopbackAddress();
    }

    /** The node's name as it proved it in the handshake. */
    public String agentName() {
        return agentName;
    }

    /**
     * Calls {@code fn} and waits for its answer: a {@link Message.Reply}, or for a stream the
     * chunks' rows followed by its {@link Message.End}. {@code timeoutMillis} of 0 waits forever.
     */
    public CallOutcome call(String fn, List<JsonNode> args, int timeoutMillis) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        CallOutcome outcome = call(fn, args, timeoutMillis, rows::add);
        return new CallOutcome(outcome.ok(), outcome.result(), outcome.error(), rows, outcome.streamed());
    }

    /**
     * Calls {@code fn}, handing each streamed row to {@code onRow} as it arrives (the outcome then
     * carries no rows), and flushing it after each chunk if it is {@link Flushable}. {@code onRow}
     * may block, e.g. for a pager: the node waits, since it sends the next rows only as the
     * connection takes them.
     */
    public CallOutcome call(String fn, List<JsonNode> args, int timeoutMillis, Consumer<JsonNode> onRow)
            throws IOException {
        long id = nextId++;
        synchronized (this) {
            // one step for cancel(): once the node may have the call, a Ctrl-C finds it to cancel
            send(new Message.Request(id, fn, args));
            current = id;
        }
        wire.readTimeout(timeoutMillis);
        try {
            while (true) {
                Message message = receive();
                if (message instanceof Message.Chunk chunk && chunk.id() == id) {
                    chunk.chunk().forEach(onRow);
                    if (onRow instanceof Flushable rows) { // a sink that writes a chunk at a time: this one is whole
                        rows.flush();
                    }
                } else if (message instanceof Message.Reply reply && reply.id() == id) {
                    return new CallOutcome(reply.ok(), reply.result(), reply.error(), List.of(), false);
                } else if (message instanceof Message.End end && end.id() == id) {
                    return new CallOutcome(end.ok(), end.result(), end.error(), List.of(), true);
                }
                // anything else answers an earlier, cancelled call: skip it
            }
        } finally {
            current = 0;
        }
    }

    /** Asks the node to stop the call in progress, if any; safe from another thread. */
    public synchronized void cancel() throws IOException {
        long id = current;
        if (id != 0) {
            send(new Message.Cancel(id));
        }
    }

    private synchronized void send(Message message) throws IOException {
        FrameIO.write(out, sealer.seal(MessageCodec.encode(message)));
    }

    private Message receive() throws IOException {
        return MessageCodec.decode(opener.open(FrameIO.read(in, FrameLimits.DEFAULT_MAX)));
    }

    private static String clientName() {
        String user = System.getProperty("user.name", "someone").replaceAll("[^\\x21-\\x7e]", "?");
        String name = "diag-shell " + user;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    @Override
    public void close() throws IOException {
        wire.close();
    }
}
