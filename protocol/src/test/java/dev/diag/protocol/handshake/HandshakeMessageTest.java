package dev.diag.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HandshakeMessageTest {
    private static final byte[] NONCE = new byte[HandshakeMessage.NONCE_BYTES];
    private static final byte[] MAC = new byte[HandshakeMessage.MAC_BYTES];

    static {
        Arrays.fill(NONCE, (byte) 0xab);
        Arrays.fill(MAC, (byte) 0xcd);
    }

    @Test
    void decodesWhatItEncodes() throws Exception {
        HandshakeMessage.Hello hello = assertInstanceOf(HandshakeMessage.Hello.class,
                HandshakeMessage.decode(new HandshakeMessage.Hello(1, NONCE, "shell").encode()));
        assertEquals(1, hello.version());
        assertArrayEquals(NONCE, hello.nonce());
        assertEquals("shell", hello.name());

        HandshakeMessage.Challenge challenge = assertInstanceOf(HandshakeMessage.Challenge.class,
                HandshakeMessage.decode(new HandshakeMessage.Challenge(65535, NONCE).encode()));
        assertEquals(65535, challenge.version());
        assertArrayEquals(NONCE, challenge.nonce());

        assertArrayEquals(MAC, assertInstanceOf(HandshakeMessage.Proof.class,
                HandshakeMessage.decode(new HandshakeMessage.Proof(MAC).encode())).mac());
        HandshakeMessage.Welcome welcome = assertInstanceOf(HandshakeMessage.Welcome.class,
                HandshakeMessage.decode(new HandshakeMessage.Welcome(MAC, "orders").encode()));
        assertArrayEquals(MAC, welcome.mac());
        assertEquals("orders", welcome.name());

        HandshakeMessage.Reject reject = assertInstanceOf(HandshakeMessage.Reject.class,
                HandshakeMessage.decode(new HandshakeMessage.Reject(RejectReason.VERSION, "speak 1").encode()));
        assertEquals(RejectReason.VERSION, reject.reason());
        assertEquals("speak 1", reject.text());
    }

    @Test
    void refusesEveryTruncationOfAMessage() {
        byte[] hello = new HandshakeMessage.Hello(1, NONCE, "shell").encode();
        for (int length = 0; length < hello.length; length++) {
            byte[] cut = Arrays.copyOf(hello, length);
            assertThrows(MalformedHandshakeException.class, () -> HandshakeMessage.decode(cut), "length " + length);
        }
    }

    @Test
    void refusesTrailingBytes() {
        byte[] proof = new HandshakeMessage.Proof(MAC).encode();
        assertThrows(MalformedHandshakeException.class, () -> HandshakeMessage.decode(Arrays.copyOf(proof, proof.length + 1)));
    }

    @Test
    void refusesAHelloWithoutTheMagic() {
        byte[] hello = new HandshakeMessage.Hello(1, NONCE, "shell").encode();
        hello[1] = 'D';
        assertThrows(MalformedHandshakeException.class, () -> HandshakeMessage.decode(hello));
    }

    @Test
    void acceptsPeerNamesOf1To64BytesOnly() throws Exception {
        assertThrows(MalformedHandshakeException.class, () -> HandshakeMessage.decode(welcomeNamed(new byte[0])));
        assertThrows(MalformedHandshakeException.class, () -> HandshakeMessage.decode(welcomeNamed(printable(65))));
        assertEquals("a".repeat(64), assertInstanceOf(HandshakeMessage.Welcome.class,
                HandshakeMessage.decode(welcomeNamed(printable(64)))).name());
    }

    @Test
    void refusesNonPrintableNamesThatCouldReachATerminal() {
        byte[] escape = {0x1b, '[', '2', 'J'};
        assertThrows(MalformedHandshakeException.class, () -> HandshakeMessage.decode(welcomeNamed(escape)));
        assertThrows(MalformedHandshakeException.class, () -> HandshakeMessage.decode(welcomeNamed(new byte[] {'a', (byte) 0xc3})));
    }

    @Test
    void refusesUnknownMessageTypes() {
        assertThrows(MalformedHandshakeException.class, () -> HandshakeMessage.decode(new byte[] {0}));
        assertThrows(MalformedHandshakeException.class, () -> HandshakeMessage.decode(new byte[] {6}));
        assertThrows(MalformedHandshakeException.class, () -> HandshakeMessage.decode(new byte[0]));
    }

    @Test
    void readsAnUnknownRejectReasonAsUnknown() throws Exception {
        HandshakeMessage.Reject reject = assertInstanceOf(HandshakeMessage.Reject.class,
                HandshakeMessage.decode(new byte[] {HandshakeMessage.REJECT, 42, 1, 'x'}));
        assertEquals(RejectReason.UNKNOWN, reject.reason());
    }

    @Test
    void cutsRejectTextAt255Bytes() throws Exception {
        byte[] encoded = new HandshakeMessage.Reject(RejectReason.MALFORMED, "z".repeat(400)).encode();
        HandshakeMessage.Reject reject = assertInstanceOf(HandshakeMessage.Reject.class, HandshakeMessage.decode(encoded));
        assertEquals("z".repeat(255), reject.text());
    }

    private static byte[] printable(int length) {
        byte[] name = new byte[length];
        Arrays.fill(name, (byte) 'a');
        return name;
    }

    /** A WELCOME (the agent's named message) carrying {@code name} as raw bytes. */
    private static byte[] welcomeNamed(byte[] name) {
        byte[] body = new byte[1 + MAC.length + 1 + name.length];
        body[0] = HandshakeMessage.WELCOME;
        body[1 + MAC.length] = (byte) name.length;
        System.arraycopy(name, 0, body, 2 + MAC.length, name.length);
        return body;
    }
}
