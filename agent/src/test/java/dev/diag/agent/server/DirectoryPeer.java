package dev.diag.agent.server;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.frame.FrameOpener;
import dev.diag.protocol.frame.FrameSealer;
import dev.diag.protocol.handshake.ClientHandshake;
import dev.diag.protocol.handshake.Nonces;
import dev.diag.protocol.handshake.SessionKeys;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.node.NodeList;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * A client of a real agent socket, as little of one as the tests need: the handshake, then one
 * {@code nodes()} call. The agent module has no client of its own (the shell's is out of reach).
 */
final class DirectoryPeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String agentName;
    private final FrameSealer sealer;
    private final FrameOpener opener;

    private DirectoryPeer(Socket socket, Cookie cookie) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        ClientHandshake handshake = new ClientHandshake(cookie, "directory test", Nonces.source());
        FrameIO.write(out, handshake.hello());
        FrameIO.write(out, handshake.prove(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX)));
        SessionKeys keys = handshake.finish(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
        agentName = handshake.agentName();
        sealer = keys.clientSealer();
        opener = keys.clientOpener();
    }

    /** Connects and authenticates; a refused cookie is a HandshakeException. */
    static DirectoryPeer connect(InetSocketAddress address, Cookie cookie) throws IOException {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        try {
            return new DirectoryPeer(socket, cookie);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The name the agent proved in WELCOME: which node the kernel handed the connection to. */
    String agentName() {
        return agentName;
    }

    NodeList nodes() throws IOException {
        FrameIO.write(out, sealer.seal(MessageCodec.encode(new Message.Request(1, "nodes", List.of()))));
        Message.Reply reply = (Message.Reply) MessageCodec.decode(opener.open(FrameIO.read(in, FrameLimits.DEFAULT_MAX)));
        if (!reply.ok()) {
            throw new IOException("nodes() failed: " + reply.error());
        }
        return RecordReader.read(reply.result(), NodeList.class);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
