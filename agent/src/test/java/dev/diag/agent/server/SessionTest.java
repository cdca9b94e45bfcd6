package dev.diag.agent.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.frame.SessionMac;
import dev.diag.protocol.handshake.HandshakeMessage;
import dev.diag.protocol.handshake.SessionKeys;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.Message;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An authenticated session end to end: sealed request in, sealed reply out, through every handler. */
class SessionTest {
    private final EmbeddedAgent agent = new EmbeddedAgent();
    private final EmbeddedConnection connection = agent.connect();

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    @Test
    void answersMemoryWithASealedReplyShowingHeapInUse() throws Exception {
        connection.handshake();
        connection.sendSealed("{\"id\":1,\"fn\":\"memory\",\"args\":[]}");

        Message.Reply reply = connection.nextReply(); // opened with the client's key: sealed by the agent
        assertEquals(1, reply.id());
        assertTrue(reply.ok(), () -> "error " + reply.error());
        JsonNode heap = reply.result().path("heap");
        assertTrue(heap.path("used").asLong() > 0, reply.result().toString());
        assertTrue(heap.path("used").asLong() <= heap.path("committed").asLong(), heap.toString());
        assertTrue(reply.result().path("threads").path("count").asInt() > 0, reply.result().toString());
        connection.wire.assertQuietFor(100);
        assertFalse(connection.channel.finish());
    }

    @Test
    void answersMemoryOfHeapWithOneFigure() throws Exception {
        connection.handshake();
        connection.sendSealed("{\"id\":2,\"fn\":\"memory\",\"args\":[\"heap\"]}");

        Message.Reply reply = connection.nextReply();
        assertEquals(2, reply.id());
        assertTrue(reply.ok(), () -> "error " + reply.error());
        assertEquals("heap", reply.result().path("kind").asText());
        assertTrue(reply.result().path("bytes").asLong() > 0, reply.result().toString());
        assertEquals(2, reply.result().size(), reply.result().toString());
        assertFalse(connection.channel.finish());
    }

    @Test
    void answersSuccessiveRequestsInOneSession() throws Exception {
        connection.handshake();
        for (int id = 1; id <= 5; id++) {
            connection.sendSealed("{\"id\":" + id + ",\"fn\":\"memory\",\"args\":[\"stacks\"]}");
            Message.Reply reply = connection.nextReply();
            assertEquals(id, reply.id());
            assertTrue(reply.ok());
        }
        assertFalse(connection.channel.finish());
    }

    @Test
    void servesARequestPipelinedInTheSameReadAsTheProof() throws Exception {
        byte[] hello = connection.client.hello();
        connection.sendFrame(hello);
        byte[] challenge = connection.nextFrame();
        byte[] proof = connection.client.prove(challenge);
        // A client may send its first request without waiting for WELCOME: it knows the keys.
        SessionKeys early = connection.authenticated(derivedKeys(hello, challenge));
        byte[] request = connection.seal("{\"id\":9,\"fn\":\"no_such_fn\",\"args\":[]}");
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        read.writeBytes(EmbeddedConnection.frame(proof));
        read.writeBytes(EmbeddedConnection.frame(request));

        connection.sendRaw(read.toByteArray());

        SessionKeys finished = connection.client.finish(connection.nextFrame());
        assertArrayEquals(finished.clientToAgent(), early.clientToAgent(), "test derivation out of step");
        Message.Reply reply = connection.nextReply();
        assertEquals(9, reply.id());
        assertEquals(CallError.UNKNOWN_FUNCTION, reply.error().code());
        assertFalse(connection.channel.finish());
    }

    @Test
    void acceptsFramesOver4KiBOnceAuthenticated() throws Exception {
        connection.handshake();
        String big = "x".repeat(4 * FrameLimits.PRE_AUTH_MAX);
        connection.sendSealed("{\"id\":3,\"fn\":\"no_such_fn\",\"args\":[\"" + big + "\"]}");
        Message.Reply reply = connection.nextReply();
        assertEquals(3, reply.id());
        assertEquals(CallError.UNKNOWN_FUNCTION, reply.error().code());
        assertTrue(connection.channel.isOpen());
        assertFalse(connection.channel.finish());
    }

    @Test
    void closesOnAFrameOverTheSessionCap() throws Exception {
        connection.handshake();
        int over = EmbeddedAgent.MAX_FRAME + 1;
        connection.sendRaw(new byte[] {(byte) (over >>> 24), (byte) (over >>> 16), (byte) (over >>> 8), (byte) over});
        assertFalse(connection.channel.isOpen());
        connection.wire.assertNothingWritten();
        assertFalse(connection.channel.finish());
    }

    @Test
    void keepsTheSessionAfterAPayloadThatIsNotAMessage() throws Exception {
        connection.handshake();
        connection.sendSealed("[1, 2, 3]");

        connection.sendSealed("{\"id\":4,\"fn\":\"memory\",\"args\":[\"heap\"]}");
        Message.Reply reply = connection.nextReply();
        assertEquals(0, reply.id(), "the 'malformed' answer comes first");
        reply = connection.nextReply();
        assertEquals(4, reply.id());
        assertTrue(reply.ok());
        assertTrue(connection.channel.isOpen());
        assertFalse(connection.channel.finish());
    }

    /** Regression (fixed in b6a1702): the answer skipped the codec's encoder and was silently lost. */
    @Test
    void answersAPayloadThatIsNotAMessageWithMalformedUnderIdZero() throws Exception {
        connection.handshake();
        connection.sendSealed("[1, 2, 3]");
        Message.Reply malformed = connection.nextReply();
        assertEquals(0, malformed.id());
        assertEquals(CallError.MALFORMED, malformed.error().code());
        assertFalse(connection.channel.finish());
    }

    @Test
    void answersABadArgumentThroughTheWholePipeline() throws Exception {
        connection.handshake();
        connection.sendSealed("{\"id\":5,\"fn\":\"memory\",\"args\":[\"nonsense\"]}");
        Message.Reply reply = connection.nextReply();
        assertEquals(5, reply.id());
        assertFalse(reply.ok());
        assertEquals(CallError.BAD_ARGUMENT, reply.error().code());
        assertFalse(connection.channel.finish());
    }

    /**
     * The session keys a client may derive before WELCOME arrives: they follow from the cookie
     * and the HELLO/CHALLENGE transcript alone (the derivation documented in the protocol's
     * Transcript). The test checks this copy against {@code ClientHandshake.finish}.
     */
    private static SessionKeys derivedKeys(byte[] hello, byte[] challenge) {
        byte[] session = EmbeddedAgent.COOKIE.hmac(label("session"), hello, challenge);
        return new SessionKeys(SessionMac.hmac(session, label("client to agent")),
                SessionMac.hmac(session, label("agent to client")));
    }

    private static byte[] label(String what) {
        return ("diag/" + HandshakeMessage.VERSION + " " + what).getBytes(US_ASCII);
    }
}
