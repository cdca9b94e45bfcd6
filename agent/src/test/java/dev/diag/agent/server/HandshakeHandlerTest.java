package dev.diag.agent.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.handshake.HandshakeException;
import dev.diag.protocol.handshake.HandshakeMessage;
import dev.diag.protocol.handshake.RejectReason;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handshake gate, in the production pipeline built by {@link DiagChannelInitializer}. */
class HandshakeHandlerTest {
    private static final List<String> BEFORE_AUTH = List.of(EmbeddedConnection.WIRE, "frame-decoder",
            "frame-encoder", "handshake");
    private static final List<String> AFTER_AUTH = List.of(EmbeddedConnection.WIRE, "frame-decoder",
            "frame-encoder", "authenticator", "message-codec", "dispatcher");

    private final EmbeddedAgent agent = new EmbeddedAgent();

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    @Test
    void buildsOnlyTheFramingAndTheHandshakeBeforeAuth() {
        EmbeddedConnection connection = agent.connect();
        assertEquals(BEFORE_AUTH, OutboundRecorder.handlerNames(connection.channel.pipeline()));
        assertFalse(connection.channel.finish());
    }

    @Test
    void aRealClientCompletesTheHandshakeAndAcceptsTheWelcome() throws Exception {
        EmbeddedConnection connection = agent.connect();
        connection.sendFrame(connection.client.hello());
        OutboundRecorder.Written challenge = connection.wire.next();
        assertEquals(BEFORE_AUTH, challenge.pipeline());
        connection.sendFrame(connection.client.prove(body(challenge)));
        OutboundRecorder.Written welcome = connection.wire.next();
        assertEquals(HandshakeMessage.WELCOME, body(welcome)[0]);

        connection.authenticated(connection.client.finish(body(welcome))); // throws unless the agent proved the cookie

        assertEquals(EmbeddedAgent.NAME, connection.client.agentName());
        assertEquals(AFTER_AUTH, OutboundRecorder.handlerNames(connection.channel.pipeline()), "handshake handler replaced by the session");
        assertTrue(connection.channel.isOpen());
        assertFalse(connection.channel.finish());
    }

    @Test
    void rejectsWrongCookieAndNothingBehindTheHandshakeSeesAFrame() throws Exception {
        EmbeddedConnection connection = agent.connect(EmbeddedAgent.cookie("not the agent's cookie"));
        InboundSpy behindHandshake = new InboundSpy();
        connection.channel.pipeline().addLast("behind-handshake", behindHandshake);

        connection.sendFrame(connection.client.hello());
        byte[] proof = connection.client.prove(connection.nextFrame());
        connection.sendFrame(proof);
        OutboundRecorder.Written reply = connection.wire.next();

        assertEquals(RejectReason.BAD_PROOF, reject(body(reply)).reason());
        HandshakeException told = assertThrows(HandshakeException.class, () -> connection.client.finish(body(reply)));
        assertEquals(HandshakeException.Failure.WRONG_COOKIE, told.failure());
        assertFalse(connection.channel.isOpen(), "closed after REJECT");
        assertFalse(reply.pipeline().contains("dispatcher"), "session installed for a wrong cookie: " + reply.pipeline());
        assertFalse(reply.pipeline().contains("authenticator"), reply.pipeline().toString());
        assertEquals(List.of(), behindHandshake.seen);
        connection.wire.assertNothingWritten();
        assertFalse(connection.channel.finish());
    }

    @Test
    void namesTheNodeOnlyToAClientThatProvedTheCookie() throws Exception {
        EmbeddedConnection stranger = agent.connect(EmbeddedAgent.cookie("not the agent's cookie"));
        stranger.sendFrame(stranger.client.hello());
        byte[] challenge = stranger.nextFrame();
        stranger.sendFrame(stranger.client.prove(challenge));
        byte[] reject = stranger.nextFrame();

        for (byte[] told : List.of(challenge, reject)) {
            assertFalse(new String(told, US_ASCII).contains(EmbeddedAgent.NAME), "the node's name leaked");
        }
        assertNull(stranger.client.agentName());
        assertFalse(stranger.channel.finish());
    }

    @Test
    void doesNotDispatchARequestSentBeforeTheHandshake() throws Exception {
        EmbeddedConnection connection = agent.connect();
        InboundSpy behindHandshake = new InboundSpy();
        connection.channel.pipeline().addLast("behind-handshake", behindHandshake);

        connection.sendFrame("{\"id\":1,\"fn\":\"memory\",\"args\":[]}".getBytes(UTF_8));

        assertEquals(RejectReason.MALFORMED, reject(connection.nextFrame()).reason());
        assertFalse(connection.channel.isOpen());
        assertEquals(List.of(), behindHandshake.seen);
        connection.wire.assertQuietFor(100);
        assertFalse(connection.channel.finish());
    }

    @Test
    void rejectsAHelloOfAnotherProtocolVersion() throws Exception {
        EmbeddedConnection connection = agent.connect();
        connection.sendFrame(new HandshakeMessage.Hello(HandshakeMessage.VERSION + 1, new byte[32], "shell").encode());
        assertEquals(RejectReason.VERSION, reject(connection.nextFrame()).reason());
        assertFalse(connection.channel.isOpen());
        assertFalse(connection.channel.finish());
    }

    @Test
    void rejectsASecondHelloWhereTheProofShouldBe() throws Exception {
        EmbeddedConnection connection = agent.connect();
        connection.sendFrame(connection.client.hello());
        connection.nextFrame();
        connection.sendFrame(connection.client.hello());
        assertEquals(RejectReason.MALFORMED, reject(connection.nextFrame()).reason());
        assertFalse(connection.channel.isOpen());
        assertFalse(connection.channel.finish());
    }

    @Test
    void rejectsAndClosesOnEveryRandomGarbageHello() throws Exception {
        Random random = new Random(1);
        for (int i = 0; i < 300; i++) {
            byte[] garbage = new byte[random.nextInt(80)];
            random.nextBytes(garbage);
            if (i % 3 == 0 && garbage.length > 0) {
                garbage[0] = HandshakeMessage.HELLO; // get past the type byte now and then
            }
            EmbeddedConnection connection = agent.connect();
            connection.sendFrame(garbage);
            assertEquals(HandshakeMessage.REJECT, connection.nextFrame()[0], "garbage " + i);
            assertFalse(connection.channel.isOpen(), "garbage " + i);
            assertFalse(connection.channel.finish(), "garbage " + i);
        }
    }

    @Test
    void rejectsAndClosesOnEveryRandomGarbageProof() throws Exception {
        Random random = new Random(2);
        for (int i = 0; i < 300; i++) {
            byte[] garbage = new byte[random.nextInt(40)];
            random.nextBytes(garbage);
            if (i % 2 == 0 && garbage.length > 0) {
                garbage[0] = HandshakeMessage.PROOF;
            }
            EmbeddedConnection connection = agent.connect();
            connection.sendFrame(connection.client.hello());
            connection.nextFrame();
            connection.sendFrame(garbage);
            assertEquals(HandshakeMessage.REJECT, connection.nextFrame()[0], "garbage " + i);
            assertFalse(connection.channel.isOpen(), "garbage " + i);
            assertFalse(connection.channel.finish(), "garbage " + i);
        }
    }

    @Test
    void closesEveryRandomByteStreamByTheDeadlineAtLatest() {
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            byte[] garbage = new byte[1 + random.nextInt(64)];
            random.nextBytes(garbage);
            EmbeddedConnection connection = agent.connect();
            connection.sendRaw(garbage);
            // either the garbage was a REJECTed frame or an oversized header, or it waits for more bytes
            connection.channel.advanceTimeBy(HandshakeHandler.DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            connection.channel.runScheduledPendingTasks();
            assertFalse(connection.channel.isOpen(), "garbage " + i);
            assertFalse(connection.channel.finish(), "garbage " + i);
        }
    }

    @Test
    void closesAnOversizedFirstFrameWithoutAnswering() throws Exception {
        EmbeddedConnection connection = agent.connect();
        connection.sendRaw(new byte[] {0, 0, 0x10, 0x01}); // 4 KiB + 1
        assertFalse(connection.channel.isOpen());
        connection.wire.assertNothingWritten();
        assertFalse(connection.channel.finish());
    }

    @Test
    void closesAnIdleConnectionAtTheDeadline() {
        EmbeddedConnection connection = agent.connect();
        advance(connection, HandshakeHandler.DEADLINE_MILLIS - 1);
        assertTrue(connection.channel.isOpen(), "closed before the deadline");
        advance(connection, 1);
        assertFalse(connection.channel.isOpen(), "still open at the deadline");
        assertFalse(connection.channel.finish());
    }

    @Test
    void closesATricklingClientAtTheDeadlineEvenThoughBytesKeepComing() {
        EmbeddedConnection connection = agent.connect();
        byte[] hello = EmbeddedConnection.frame(connection.client.hello());
        long elapsed = 0;
        int sent = 0;
        while (connection.channel.isOpen()) {
            connection.sendRaw(new byte[] {hello[sent++]});
            advance(connection, 900);
            elapsed += 900;
            assertTrue(elapsed <= HandshakeHandler.DEADLINE_MILLIS + 900, "still open after " + elapsed + " ms");
        }
        assertTrue(elapsed >= HandshakeHandler.DEADLINE_MILLIS, "closed after only " + elapsed + " ms");
        assertTrue(sent < hello.length, "the whole HELLO got through before the deadline");
        connection.wire.assertNothingWritten();
        assertFalse(connection.channel.finish());
    }

    @Test
    void closesAClientThatStopsAfterHelloAtTheDeadline() throws Exception {
        EmbeddedConnection connection = agent.connect();
        connection.sendFrame(connection.client.hello());
        connection.nextFrame();
        advance(connection, HandshakeHandler.DEADLINE_MILLIS);
        assertFalse(connection.channel.isOpen());
        assertFalse(connection.channel.finish());
    }

    @Test
    void doesNotCutOffASessionThatFinishedTheHandshakeInTime() throws Exception {
        EmbeddedConnection connection = agent.connect();
        advance(connection, HandshakeHandler.DEADLINE_MILLIS - 1);
        connection.handshake();
        advance(connection, 10 * HandshakeHandler.DEADLINE_MILLIS);
        assertTrue(connection.channel.isOpen());
        assertFalse(connection.channel.finish());
    }

    @Test
    void readsAndRejectsAFirstFrameOfExactly4KiB() throws Exception {
        // the boundary: 4 KiB is read and refused with a REJECT, 4 KiB + 1 is closed unread (above)
        EmbeddedConnection connection = agent.connect();
        connection.sendFrame(new byte[FrameLimits.PRE_AUTH_MAX]);
        assertEquals(RejectReason.MALFORMED, reject(connection.nextFrame()).reason());
        assertFalse(connection.channel.finish());
    }

    private static void advance(EmbeddedConnection connection, long millis) {
        connection.channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        connection.channel.runScheduledPendingTasks();
    }

    private static byte[] body(OutboundRecorder.Written written) {
        byte[] bytes = (byte[]) written.message();
        return Arrays.copyOfRange(bytes, 4, bytes.length);
    }

    private static HandshakeMessage.Reject reject(byte[] body) throws Exception {
        return EmbeddedConnection.assertInstance(HandshakeMessage.Reject.class, HandshakeMessage.decode(body));
    }
}
