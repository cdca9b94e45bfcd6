package dev.diag.shell.cli;

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

/**
 * A loopback stand-in for a node, for testing the shell's side without a target JVM: it does the
 * agent's side of the handshake, then answers {@code memory(heap)} with {@code bytes} for the
 * first {@code answers} calls and after that reads on without answering, as a hung node does.
 */
final class FakeNode implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    FakeNode(Cookie cookie, String name, long bytes, int answers) throws IOException {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.thread = new Thread(() -> serve(cookie, name, bytes, answers), "fake-node-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** How the shell names it: {@code name@127.0.0.1:port}, so no registry is involved. */
    String address(String name) {
        return name + "@127.0.0.1:" + server.getLocalPort();
    }

    private void serve(Cookie cookie, String name, long bytes, int answers) {
        try (Socket socket = server.accept()) {
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
            for (int call = 0; ; call++) {
                Message.Request request = (Message.Request) MessageCodec.decode(
                        opener.open(FrameIO.read(in, FrameLimits.DEFAULT_MAX)));
                if (call >= answers) {
                    continue; // hung: takes the call, never answers
                }
                byte[] result = ("{\"kind\":\"heap\",\"bytes\":" + bytes + "}").getBytes(StandardCharsets.UTF_8);
                FrameIO.write(out, sealer.seal(MessageCodec.encode(
                        new Message.Reply(request.id(), true, JsonTree.parse(result), null))));
            }
        } catch (IOException | RuntimeException e) {
            // the shell went away, or the test closed us
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
