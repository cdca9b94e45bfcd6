package dev.diag.shell.testing;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.frame.FrameOpener;
import dev.diag.protocol.frame.FrameSealer;
import dev.diag.protocol.handshake.AgentHandshake;
import dev.diag.protocol.handshake.AgentHandshakeException;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import dev.diag.protocol.result.MemoryAmount;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for a node, for testing the shell's side without a target JVM: it does the
 * agent's side of the handshake on every connection, then answers each call as {@link Answers}
 * says; a call it holds is answered "cancelled" when the shell cancels it, as the agent does.
 */
public final class FakeNode implements AutoCloseable {
    private final ServerSocket server;
    private final Cookie cookie;
    private final String name;
    private final Answers answers;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** What the node replies to one call; null holds the call: a hung node, or a long call only a cancel ends. */
    @FunctionalInterface
    public interface Answers {
        Message.Reply answer(Message.Request request);
    }

    public FakeNode(Cookie cookie, String name, Answers answers) throws IOException {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.cookie = cookie;
        this.name = name;
        this.answers = answers;
        Thread acceptor = new Thread(this::acceptAll, "fake-node-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers {@code memory(heap)} with {@code bytes} for the first {@code answers} calls, then holds every call. */
    public FakeNode(Cookie cookie, String name, long bytes, int answers) throws IOException {
        this(cookie, name, heapThenHang(bytes, answers));
    }

    private static Answers heapThenHang(long bytes, int answers) {
        AtomicInteger calls = new AtomicInteger();
        return request -> calls.getAndIncrement() < answers
                ? Message.Reply.success(request.id(), new MemoryAmount("heap", bytes)) : null;
    }

    /** A failure reply saying the node has no such function. */
    public static Message.Reply unknown(Message.Request request) {
        return Message.Reply.failure(request.id(), new CallError(CallError.UNKNOWN_FUNCTION, "no " + request.fn()));
    }

    /** How the shell names it: {@code name@127.0.0.1:port}, so no registry is involved. */
    public String address() {
        return name + "@127.0.0.1:" + server.getLocalPort();
    }

    /** The functions called so far, in order, on every connection; "cancel" for each cancel. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Closes every connection, as a node that dies; it still takes new ones, as one restarted. */
    public void dropConnections() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread serve = new Thread(() -> serve(socket), "fake-node-" + name + "-connection");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (Socket socket = connection) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            AgentHandshake handshake = new AgentHandshake(cookie, name, new SecureRandom());
            FrameIO.write(out, handshake.challenge(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX)));
            AgentHandshake.Accepted accepted;
            try {
                accepted = handshake.verify(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
            } catch (AgentHandshakeException e) {
                FrameIO.write(out, e.reply()); // as the agent does: REJECT, then close
                return;
            }
            FrameIO.write(out, accepted.welcome());
            FrameOpener opener = accepted.keys().agentOpener();
            FrameSealer sealer = accepted.keys().agentSealer();
            Set<Long> held = new HashSet<>();
            while (true) {
                Message message = MessageCodec.decode(opener.open(FrameIO.read(in, FrameLimits.DEFAULT_MAX)));
                Message.Reply reply = null;
                if (message instanceof Message.Request request) {
                    calls.add(request.fn());
                    reply = answers.answer(request);
                    if (reply == null) {
                        held.add(request.id());
                    }
                } else if (message instanceof Message.Cancel cancel) {
                    calls.add("cancel");
                    if (held.remove(cancel.cancel())) {
                        reply = Message.Reply.failure(cancel.cancel(),
                                new CallError(CallError.CANCELLED, "call cancelled by the caller"));
                    }
                }
                if (reply != null) {
                    FrameIO.write(out, sealer.seal(MessageCodec.encode(reply)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the shell went away, or the test closed us
        } finally {
            open.remove(connection);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
