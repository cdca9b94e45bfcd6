package dev.diag.protocol.frame;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.handshake.Handshakes;
import dev.diag.protocol.handshake.SessionKeys;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrameOpenerTest {
    private SessionKeys client;
    private SessionKeys agent;

    @BeforeEach
    void handshake() throws Exception {
        Handshakes.Session session = Handshakes.complete(Handshakes.cookie("frame test cookie"));
        client = session.client();
        agent = session.agent();
    }

    @Test
    void opensFramesInTheOrderTheyWereSealed() throws Exception {
        FrameSealer sealer = client.clientSealer();
        FrameOpener opener = agent.agentOpener();
        for (String payload : new String[] {"{\"id\":1}", "", "{\"id\":2}", "x".repeat(10_000)}) {
            assertArrayEquals(payload.getBytes(US_ASCII), opener.open(sealer.seal(payload.getBytes(US_ASCII))));
        }
    }

    @Test
    void opensTheAgentsFramesOnTheClient() throws Exception {
        FrameSealer sealer = agent.agentSealer();
        FrameOpener opener = client.clientOpener();
        assertArrayEquals(bytes("reply 0"), opener.open(sealer.seal(bytes("reply 0"))));
        assertArrayEquals(bytes("reply 1"), opener.open(sealer.seal(bytes("reply 1"))));
    }

    @Test
    void rejectsAFlippedBitAnywhereInSeqPayloadOrMac() {
        byte[] sealed = client.clientSealer().seal(bytes("{\"id\":7,\"fn\":\"memory\"}"));
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            FrameOpener fresh = agent.agentOpener();
            assertThrows(FrameAuthenticationException.class, () -> fresh.open(tampered), "bit " + bit);
        }
    }

    @Test
    void rejectsAReplayedFrame() throws Exception {
        FrameSealer sealer = client.clientSealer();
        FrameOpener opener = agent.agentOpener();
        byte[] first = sealer.seal(bytes("cancel"));
        opener.open(first);
        FrameAuthenticationException e = assertThrows(FrameAuthenticationException.class, () -> opener.open(first));
        assertTrue(e.getMessage().contains("replayed"), e.getMessage());
    }

    @Test
    void rejectsReorderedFrames() throws Exception {
        FrameSealer sealer = client.clientSealer();
        FrameOpener opener = agent.agentOpener();
        byte[] zero = sealer.seal(bytes("0"));
        byte[] one = sealer.seal(bytes("1"));
        assertThrows(FrameAuthenticationException.class, () -> opener.open(one));
        opener.open(zero);
        opener.open(one);
        byte[] two = sealer.seal(bytes("2"));
        byte[] three = sealer.seal(bytes("3"));
        opener.open(two);
        assertThrows(FrameAuthenticationException.class, () -> opener.open(two));
        assertArrayEquals(bytes("3"), opener.open(three));
    }

    @Test
    void rejectsTheFrameAfterADroppedOne() throws Exception {
        FrameSealer sealer = client.clientSealer();
        FrameOpener opener = agent.agentOpener();
        opener.open(sealer.seal(bytes("0")));
        sealer.seal(bytes("1 (lost)"));
        FrameAuthenticationException e = assertThrows(FrameAuthenticationException.class,
                () -> opener.open(sealer.seal(bytes("2"))));
        assertTrue(e.getMessage().contains("dropped"), e.getMessage());
    }

    @Test
    void rejectsAFrameSealedWithTheOtherDirectionsKey() {
        byte[] fromClient = client.clientSealer().seal(bytes("reflected"));
        byte[] fromAgent = agent.agentSealer().seal(bytes("reflected"));
        assertThrows(FrameAuthenticationException.class, () -> client.clientOpener().open(fromClient));
        assertThrows(FrameAuthenticationException.class, () -> agent.agentOpener().open(fromAgent));
    }

    @Test
    void rejectsAFrameFromAnotherSessionUnderTheSameCookie() throws Exception {
        SessionKeys other = Handshakes.complete(Handshakes.cookie("frame test cookie")).client();
        byte[] sealed = other.clientSealer().seal(bytes("{\"id\":1}"));
        assertThrows(FrameAuthenticationException.class, () -> agent.agentOpener().open(sealed));
    }

    @Test
    void rejectsABodyTooShortForASequenceNumberAndAMac() {
        FrameOpener opener = agent.agentOpener();
        for (int length = 0; length < SessionMac.SEQ_BYTES + SessionMac.MAC_BYTES; length++) {
            byte[] body = new byte[length];
            assertThrows(FrameAuthenticationException.class, () -> opener.open(body), "length " + length);
        }
    }

    @Test
    void rejectsAFrameCutShortOrExtended() {
        byte[] sealed = client.clientSealer().seal(bytes("payload"));
        assertThrows(FrameAuthenticationException.class,
                () -> agent.agentOpener().open(Arrays.copyOf(sealed, sealed.length - 1)));
        assertThrows(FrameAuthenticationException.class,
                () -> agent.agentOpener().open(Arrays.copyOf(sealed, sealed.length + 1)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(US_ASCII);
    }
}
