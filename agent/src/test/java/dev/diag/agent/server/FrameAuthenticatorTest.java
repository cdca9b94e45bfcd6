package dev.diag.agent.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.frame.FrameOpener;
import dev.diag.protocol.frame.FrameSealer;
import dev.diag.protocol.frame.SessionMac;
import dev.diag.protocol.handshake.AgentHandshake;
import dev.diag.protocol.handshake.ClientHandshake;
import dev.diag.protocol.handshake.SessionKeys;
import dev.diag.protocol.message.CallError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameAuthenticatorTest {
    /** A request answered on the event loop itself (no call thread), so the tests stay single-threaded. */
    private static final String REQUEST = "{\"id\":1,\"fn\":\"no_such_fn\",\"args\":[]}";

    /** The authenticator alone, between a client's sealer/opener and the next handler. */
    @Nested
    class Alone {
        private final Keys keys = Keys.handshake();
        private final EmbeddedChannel channel = new EmbeddedChannel(
                new FrameAuthenticator(keys.agent.agentOpener(), keys.agent.agentSealer(), new RefusalLog()));

        @Test
        void passesOnThePayloadOfEachFrameTheClientSealed() {
            FrameSealer sealer = keys.client.clientSealer();
            for (String payload : List.of("{\"id\":1}", "", "{\"cancel\":1}")) {
                channel.writeInbound((Object) sealer.seal(payload.getBytes(UTF_8)));
                assertArrayEquals(payload.getBytes(UTF_8), (byte[]) channel.readInbound());
            }
            assertTrue(channel.isOpen());
            assertFalse(channel.finish());
        }

        @Test
        void sealsOutboundPayloadsSoTheClientOpensThemInOrder() throws Exception {
            FrameOpener opener = keys.client.clientOpener();
            channel.writeOutbound((Object) "first".getBytes(UTF_8), "second".getBytes(UTF_8));
            assertArrayEquals("first".getBytes(UTF_8), opener.open(channel.readOutbound()));
            assertArrayEquals("second".getBytes(UTF_8), opener.open(channel.readOutbound()));
            assertFalse(channel.finish());
        }

        @Test
        void sealsAPreparedFrameInItsOwnBufferExactlyAsItWouldSealThePayloadAlone() throws Exception {
            FrameSealer copying = keys.agent.agentSealer(); // the same key: its frames are the reference
            byte[] payload = "{\"id\":7,\"chunk\":[{\"pid\":1}]}".getBytes(UTF_8);
            channel.writeOutbound((Object) "first".getBytes(UTF_8)); // sequence 0: the prepared frame gets 1
            assertArrayEquals(copying.seal("first".getBytes(UTF_8)), channel.readOutbound());

            channel.writeOutbound(PreparedFrame.write(PreparedFrame.buffer(channel.alloc(), 8), out -> out.write(payload)));

            ByteBuf frame = channel.readOutbound();
            byte[] body = copying.seal(payload);
            assertEquals(body.length, frame.readInt(), "the length prefix");
            assertArrayEquals(body, ByteBufUtil.getBytes(frame), "sequence, payload and MAC");
            frame.release();
            assertFalse(channel.finish());
        }

        @Test
        void closesOnAFrameTooShortToCarrySequenceAndMac() {
            channel.writeInbound((Object) new byte[SessionMac.SEQ_BYTES + SessionMac.MAC_BYTES - 1]);
            assertNull(channel.readInbound());
            assertFalse(channel.isOpen());
            assertFalse(channel.finish());
        }
    }

    /** Through the production pipeline after a real handshake, with a spy just before the dispatcher. */
    @Nested
    class InTheSession {
        private final EmbeddedAgent agent = new EmbeddedAgent();
        private final EmbeddedConnection connection = agent.connect();
        private final InboundSpy beforeDispatcher = new InboundSpy();

        InTheSession() throws Exception {
            connection.handshake();
            connection.channel.pipeline().addBefore("dispatcher", "spy", beforeDispatcher);
        }

        @AfterEach
        void stopAgent() {
            agent.close();
        }

        @Test
        void dispatchesAnIntactFrame() throws Exception {
            connection.sendSealed(REQUEST);
            assertEquals(1, beforeDispatcher.seen.size());
            assertEquals(CallError.UNKNOWN_FUNCTION, connection.nextReply().error().code());
            assertTrue(connection.channel.isOpen());
            assertFalse(connection.channel.finish());
        }

        @ParameterizedTest(name = "bit {0}")
        @ValueSource(ints = {0, 63, 64, 65, 100, -1})
        void closesOnAFrameWithOneBitFlipped(int bit) {
            byte[] sealed = connection.seal(REQUEST);
            int at = bit >= 0 ? bit : sealed.length * 8 - 1; // -1: the last bit of the MAC
            sealed[at / 8] ^= (byte) (1 << (at % 8));
            assertSessionEndsOn(sealed);
        }

        @Test
        void closesOnAReplayedFrame() throws Exception {
            byte[] sealed = connection.seal(REQUEST);
            connection.sendFrame(sealed);
            connection.nextReply();
            assertEquals(1, beforeDispatcher.seen.size());

            connection.sendFrame(sealed);

            assertFalse(connection.channel.isOpen());
            assertEquals(1, beforeDispatcher.seen.size(), "the replay reached the dispatcher");
            connection.wire.assertNothingWritten();
            assertFalse(connection.channel.finish());
        }

        @Test
        void closesOnAReorderedPair() {
            byte[] first = connection.seal(REQUEST);
            byte[] second = connection.seal(REQUEST.replace("\"id\":1", "\"id\":2"));
            assertSessionEndsOn(second); // second overtakes first
            assertEquals(SessionMac.SEQ_BYTES + REQUEST.length() + SessionMac.MAC_BYTES, first.length);
        }

        @Test
        void closesOnTheFrameAfterADroppedOne() throws Exception {
            connection.sendSealed(REQUEST);
            connection.nextReply();
            connection.seal(REQUEST); // sealed, never sent: dropped on the way
            byte[] third = connection.seal(REQUEST);
            connection.sendFrame(third);
            assertFalse(connection.channel.isOpen());
            assertEquals(1, beforeDispatcher.seen.size());
            assertFalse(connection.channel.finish());
        }

        @Test
        void closesOnAFrameSealedWithTheAgentToClientKey() {
            FrameSealer wrongDirection = new FrameSealer(connection.keys().agentToClient());
            assertSessionEndsOn(wrongDirection.seal(REQUEST.getBytes(UTF_8)));
        }

        @Test
        void closesOnTheAgentsOwnReplyReflectedBackAtIt() throws Exception {
            connection.sendSealed(REQUEST);
            byte[] reflected = connection.nextFrame(); // agent-to-client, sequence 0
            beforeDispatcher.seen.clear();
            connection.sendFrame(reflected);
            assertFalse(connection.channel.isOpen());
            assertEquals(List.of(), beforeDispatcher.seen);
            assertFalse(connection.channel.finish());
        }

        @Test
        void closesOnAFrameSealedForAnotherSession() {
            Keys other = Keys.handshake();
            assertSessionEndsOn(other.client.clientSealer().seal(REQUEST.getBytes(UTF_8)));
        }

        @Test
        void closesOnAnUnsealedRequest() {
            assertSessionEndsOn(REQUEST.getBytes(UTF_8));
        }

        @Test
        void closesOnAnEmptyFrame() {
            assertSessionEndsOn(new byte[0]);
        }

        private void assertSessionEndsOn(byte[] body) {
            connection.sendFrame(body);
            assertFalse(connection.channel.isOpen(), "the session survived a bad frame");
            assertEquals(List.of(), beforeDispatcher.seen, "a bad frame reached the dispatcher");
            connection.wire.assertNothingWritten();
            try {
                assertFalse(connection.channel.finish());
            } catch (RuntimeException e) {
                throw new AssertionError("the pipeline recorded an exception", e);
            }
        }
    }

    /** Both ends' keys after a real handshake in memory under the test cookie. */
    private record Keys(SessionKeys client, SessionKeys agent) {
        static Keys handshake() {
            try {
                ClientHandshake client = new ClientHandshake(EmbeddedAgent.COOKIE, "shell", new SecureRandom());
                AgentHandshake agent = new AgentHandshake(EmbeddedAgent.COOKIE, "orders", new SecureRandom());
                AgentHandshake.Accepted accepted = agent.verify(client.prove(agent.challenge(client.hello())));
                return new Keys(client.finish(accepted.welcome()), accepted.keys());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
