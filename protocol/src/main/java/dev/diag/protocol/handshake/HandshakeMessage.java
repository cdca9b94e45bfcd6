package dev.diag.protocol.handshake;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The five handshake messages, in a fixed binary layout (no JSON before authentication, so
 * nothing an unauthenticated peer sends reaches a general-purpose parser or its caches).
 * All integers big-endian; every message is one frame body.
 *
 * <pre>
 * HELLO     | 0x01 | magic "diag" (4) | version u16 | nonce (32) | nameLen u8 | name (ASCII) |
 * CHALLENGE | 0x02 | version u16 | nonce (32) |
 * PROOF     | 0x03 | HMAC-SHA256 (32) |
 * WELCOME   | 0x04 | HMAC-SHA256 (32) | nameLen u8 | name (ASCII) |
 * REJECT    | 0x05 | reason u8 | textLen u8 | text (ASCII) |
 * </pre>
 *
 * The agent's name travels only in WELCOME, which is sent after the client has proved it holds
 * the cookie: a peer without it cannot learn which node it reached.
 */
public sealed interface HandshakeMessage {
    int VERSION = 1;
    int NONCE_BYTES = 32;
    int MAC_BYTES = 32;
    int MAX_NAME_BYTES = 64;
    byte[] MAGIC = {'d', 'i', 'a', 'g'};

    byte HELLO = 1;
    byte CHALLENGE = 2;
    byte PROOF = 3;
    byte WELCOME = 4;
    byte REJECT = 5;

    byte[] encode();

    record Hello(int version, byte[] nonce, String name) implements HandshakeMessage {
        public Hello {
            checkName(name);
        }

        public byte[] encode() {
            return withName(ByteBuffer.allocate(1 + 4 + 2 + NONCE_BYTES + 1 + name.length())
                    .put(HELLO).put(MAGIC).putShort((short) version).put(nonce), name);
        }
    }

    record Challenge(int version, byte[] nonce) implements HandshakeMessage {
        public byte[] encode() {
            return ByteBuffer.allocate(1 + 2 + NONCE_BYTES).put(CHALLENGE).putShort((short) version).put(nonce).array();
        }
    }

    record Proof(byte[] mac) implements HandshakeMessage {
        public byte[] encode() {
            return ByteBuffer.allocate(1 + MAC_BYTES).put(PROOF).put(mac).array();
        }
    }

    record Welcome(byte[] mac, String name) implements HandshakeMessage {
        public Welcome {
            checkName(name);
        }

        public byte[] encode() {
            return withName(ByteBuffer.allocate(1 + MAC_BYTES + 1 + name.length()).put(WELCOME).put(mac), name);
        }
    }

    record Reject(RejectReason reason, String text) implements HandshakeMessage {
        public byte[] encode() {
            byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
            int length = Math.min(ascii.length, 255);
            return ByteBuffer.allocate(3 + length).put(REJECT).put((byte) reason.code)
                    .put((byte) length).put(ascii, 0, length).array();
        }
    }

    /** Parses one body; anything not exactly one well-formed message is rejected. */
    static HandshakeMessage decode(byte[] body) throws MalformedHandshakeException {
        try {
            ByteBuffer in = ByteBuffer.wrap(body);
            HandshakeMessage message = switch (in.get()) {
                case HELLO -> {
                    byte[] magic = bytes(in, MAGIC.length);
                    if (!Arrays.equals(magic, MAGIC)) {
                        throw new MalformedHandshakeException("not a diag client");
                    }
                    yield new Hello(Short.toUnsignedInt(in.getShort()), bytes(in, NONCE_BYTES), name(in));
                }
                case CHALLENGE -> new Challenge(Short.toUnsignedInt(in.getShort()), bytes(in, NONCE_BYTES));
                case PROOF -> new Proof(bytes(in, MAC_BYTES));
                case WELCOME -> new Welcome(bytes(in, MAC_BYTES), name(in));
                case REJECT -> new Reject(RejectReason.of(in.get()), ascii(in, Byte.toUnsignedInt(in.get())));
                default -> throw new MalformedHandshakeException("unknown handshake message type");
            };
            if (in.hasRemaining()) {
                throw new MalformedHandshakeException("trailing bytes after handshake message");
            }
            return message;
        } catch (BufferUnderflowException e) {
            throw new MalformedHandshakeException("truncated handshake message");
        }
    }

    /** A name we send must be one the other side accepts: 1 to 64 printable ASCII characters. */
    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_BYTES || !printableAscii(name)) {
            throw new IllegalArgumentException("a peer name must be 1 to " + MAX_NAME_BYTES
                    + " printable ASCII characters");
        }
    }

    /** A loop, not a stream: on a fresh node the handshake is the first call's path, and a stream links a lambda and a dozen classes. */
    private static boolean printableAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static byte[] withName(ByteBuffer buffer, String name) {
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        return buffer.put((byte) ascii.length).put(ascii).array();
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    private static String name(ByteBuffer in) throws MalformedHandshakeException {
        int length = Byte.toUnsignedInt(in.get());
        if (length == 0 || length > MAX_NAME_BYTES) {
            throw new MalformedHandshakeException("peer name must be 1 to " + MAX_NAME_BYTES + " bytes");
        }
        return ascii(in, length);
    }

    /** Printable ASCII only: a peer name may end up on an operator's terminal. */
    private static String ascii(ByteBuffer in, int length) throws MalformedHandshakeException {
        byte[] raw = bytes(in, length);
        for (byte b : raw) {
            if (b < 0x20 || b > 0x7e) {
                throw new MalformedHandshakeException("non-printable byte in handshake text");
            }
        }
        return new String(raw, StandardCharsets.US_ASCII);
    }
}
