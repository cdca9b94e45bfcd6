package dev.diag.shell.client;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.frame.FrameOpener;
import dev.diag.protocol.frame.FrameSealer;
import dev.diag.protocol.handshake.AgentHandshake;
import dev.diag.protocol.handshake.AgentHandshakeException;
import dev.diag.protocol.message.JsonTree;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback listener that plays the host's directory port, one scripted behaviour per accepted
 * connection (the last one repeats): a node answering nodes(), a dying node, a frozen one, a
 * program that is not diag. Only as much of an agent as the shell's lookup needs.
 */
final class FakeDirectoryNode implements AutoCloseable {
    /** OTHER_COOKIE: a node of another cookie sharing the port, which refuses our PROOF. BUSY: its call threads are taken. */
    enum Behaviour { ANSWER, CLOSE_AT_ONCE, SILENT, HTTP, NO_SUCH_FUNCTION, OTHER_COOKIE, BUSY }

    private final ServerSocket server;
    private final Cookie cookie;
    private final String answer;
    private final long delayMillis;
    private final List<Behaviour> script;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** Answers nodes() with {@code answer} (JSON) after {@code delayMillis}, as the script says. */
    FakeDirectoryNode(Cookie cookie, String answer, long delayMillis, Behaviour... script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.cookie = cookie;
        this.answer = answer;
        this.delayMillis = delayMillis;
        this.script = List.of(script);
        this.acceptor = new Thread(this::acceptAll, "fake-directory");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections it has accepted. */
    int accepted() {
        return accepted.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                int n = accepted.getAndIncrement();
                Behaviour behaviour = script.get(Math.min(n, script.size() - 1));
                Thread serve = new Thread(() -> serve(socket, behaviour), "fake-directory-" + n);
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, Behaviour behaviour) {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            switch (behaviour) {
                case CLOSE_AT_ONCE -> socket.close();
                case SILENT -> in.read(); // until the client gives up
                case HTTP -> {
                    in.read();
                    out.write("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.close();
                }
                case ANSWER, NO_SUCH_FUNCTION, OTHER_COOKIE, BUSY -> answer(in, out, behaviour);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the handshake was refused: the fake has nothing more to say
        }
    }

    private void answer(DataInputStream in, OutputStream out, Behaviour behaviour)
            throws IOException, AgentHandshakeException, InterruptedException {
        Cookie key = behaviour == Behaviour.OTHER_COOKIE ? new Cookie("another node's cookie".getBytes(StandardCharsets.US_ASCII))
                : cookie;
        AgentHandshake handshake = new AgentHandshake(key, "fake", new SecureRandom());
        FrameIO.write(out, handshake.challenge(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX)));
        AgentHandshake.Accepted accepted;
        try {
            accepted = handshake.verify(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
        } catch (AgentHandshakeException e) {
            FrameIO.write(out, e.reply());
            throw e;
        }
        FrameIO.write(out, accepted.welcome());
        FrameOpener opener = accepted.keys().agentOpener();
        FrameSealer sealer = accepted.keys().agentSealer();
        Message.Request request = (Message.Request) MessageCodec.decode(opener.open(FrameIO.read(in, FrameLimits.DEFAULT_MAX)));
        Thread.sleep(delayMillis);
        Message reply = switch (behaviour) {
            case NO_SUCH_FUNCTION -> Message.Reply.failure(request.id(), new dev.diag.protocol.message.CallError(
                    "unknown_function", "this node has no function nodes/0"));
            case BUSY -> Message.Reply.failure(request.id(), new dev.diag.protocol.message.CallError("busy",
                    "the node is busy: i() running for 3 s for ops@localhost, and top() running for 9 s for ops@localhost;"
                            + " try again shortly"));
            default -> new Message.Reply(request.id(), true, JsonTree.parse(answer.getBytes(StandardCharsets.UTF_8)), null);
        };
        FrameIO.write(out, sealer.seal(MessageCodec.encode(reply)));
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
