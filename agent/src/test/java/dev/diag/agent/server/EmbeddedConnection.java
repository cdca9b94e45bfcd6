package dev.diag.agent.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.FrameOpener;
import dev.diag.protocol.frame.FrameSealer;
import dev.diag.protocol.handshake.ClientHandshake;
import dev.diag.protocol.handshake.HandshakeException;
import dev.diag.protocol.handshake.SessionKeys;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * One connection to an {@link EmbeddedAgent}, seen from the client's end of the wire: bytes in,
 * frames out. The pipeline is the production one behind an {@link OutboundRecorder} named
 * {@value #WIRE}, which stands where the socket would be.
 */
final class EmbeddedConnection {
    static final String WIRE = "wire";

    final EmbeddedSocketChannel channel = new EmbeddedSocketChannel();
    final OutboundRecorder wire = new OutboundRecorder();
    final ClientHandshake client;
    private SessionKeys keys;
    private FrameSealer sealer;
    private FrameOpener opener;

    EmbeddedConnection(DiagChannelInitializer initializer, Cookie clientCookie) {
        channel.freezeTime(); // before the handshake handler schedules its deadline
        channel.pipeline().addLast(WIRE, wire).addLast(initializer);
        client = new ClientHandshake(clientCookie, "shell", new SecureRandom());
    }

    /** A frame as it travels: 4-byte big-endian length, then the body. */
    static byte[] frame(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    /** Bytes as the socket would deliver them, in one read. */
    void sendRaw(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    void sendFrame(byte[] body) {
        sendRaw(frame(body));
    }

    /** The body of the next frame the agent wrote, waiting a few seconds at most. */
    byte[] nextFrame() throws InterruptedException {
        byte[] bytes = wire.next(byte[].class);
        int declared = ByteBuffer.wrap(bytes).getInt();
        assertEquals(bytes.length - 4, declared, "frame header disagrees with the bytes written");
        return Arrays.copyOfRange(bytes, 4, bytes.length);
    }

    /** Runs a real client handshake; returns the client's session keys. */
    SessionKeys handshake() throws HandshakeException, InterruptedException {
        sendFrame(client.hello());
        sendFrame(client.prove(nextFrame()));
        return authenticated(client.finish(nextFrame()));
    }

    /** Uses {@code clientKeys} for {@link #seal} and {@link #nextMessage} from now on. */
    SessionKeys authenticated(SessionKeys clientKeys) {
        keys = clientKeys;
        sealer = clientKeys.clientSealer();
        opener = clientKeys.clientOpener();
        return clientKeys;
    }

    SessionKeys keys() {
        return keys;
    }

    /** A session frame body for {@code json}, taking the client's next sequence number. */
    byte[] seal(String json) {
        return sealer.seal(json.getBytes(UTF_8));
    }

    void sendSealed(String json) {
        sendFrame(seal(json));
    }

    /** The next session message from the agent, checked and opened as the client would. */
    Message nextMessage() throws Exception {
        return MessageCodec.decode(opener.open(nextFrame()));
    }

    Message.Reply nextReply() throws Exception {
        Message message = nextMessage();
        return assertInstance(Message.Reply.class, message);
    }

    static <T> T assertInstance(Class<T> type, Object value) {
        if (!type.isInstance(value)) {
            throw new AssertionError("expected a " + type.getSimpleName() + ", got " + value);
        }
        return type.cast(value);
    }
}
