package dev.diag.shell.client;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.frame.FrameOpener;
import dev.diag.protocol.frame.FrameSealer;
import dev.diag.protocol.handshake.AgentHandshake;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback node that answers each request with what {@code script} returns for it (an empty
 * list: no answer, as a hung node), after the agent's side of the real handshake. It records the
 * functions it was asked for, so a test can prove a call never reached the node.
 */
final class ScriptedNode implements AutoCloseable {
    static final Cookie COOKIE = new Cookie(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});

    private final ServerSocket server;
    private final Thread thread;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    ScriptedNode(Function<Message.Request, List<Message>> script) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(script), "scripted-node");
        thread.setDaemon(true);
        thread.start();
    }

    DiagClient connect(int timeoutMillis) throws IOException {
        return DiagClient.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), COOKIE,
                timeoutMillis);
    }

    /** The functions asked for so far, in order. */
    List<String> asked() {
        return List.copyOf(asked);
    }

    private void serve(Function<Message.Request, List<Message>> script) {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            AgentHandshake handshake = new AgentHandshake(COOKIE, "scripted", new SecureRandom());
            FrameIO.write(out, handshake.challenge(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX)));
            AgentHandshake.Accepted accepted = handshake.verify(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
            FrameIO.write(out, accepted.welcome());
            FrameOpener opener = accepted.keys().agentOpener();
            FrameSealer sealer = accepted.keys().agentSealer();
            while (true) {
                Message message = MessageCodec.decode(opener.open(FrameIO.read(in, FrameLimits.DEFAULT_MAX)));
                if (message instanceof Message.Request request) {
                    asked.add(request.fn());
                    for (Message reply : script.apply(request)) {
                        FrameIO.write(out, sealer.seal(MessageCodec.encode(reply)));
                    }
                }
            }
        } catch (Exception e) {
            // the shell went away, or the test closed us
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
