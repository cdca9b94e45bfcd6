package dev.diag.protocol.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Checks incoming bodies of one direction of an authenticated session (see {@link FrameSealer}
 * for the layout) and returns their payloads. Any failure is final: the caller must end the
 * session, because a peer that sent one bad frame cannot be trusted with the next.
 */
public final class FrameOpener {
    private final SessionMac mac;
    private long expected;

    public FrameOpener(byte[] key) {
        this.mac = new SessionMac(key);
    }

    public byte[] open(byte[] body) throws FrameAuthenticationException {
        int payloadLength = body.length - SessionMac.SEQ_BYTES - SessionMac.MAC_BYTES;
        if (payloadLength < 0) {
            throw new FrameAuthenticationException("frame too short to carry a sequence number and a MAC");
        }
        byte[] actual = Arrays.copyOfRange(body, body.length - SessionMac.MAC_BYTES, body.length);
        // MAC before sequence: an unauthenticated sequence number says nothing.
        if (!SessionMac.equal(mac.compute(body, 0, body.length - SessionMac.MAC_BYTES), actual)) {
            throw new FrameAuthenticationException("frame failed its MAC check (tampered or not from this session)");
        }
        long seq = ByteBuffer.wrap(body, 0, SessionMac.SEQ_BYTES).getLong();
        if (seq != expected) {
            String what = seq < expected ? "replayed or reordered" : "out of order: a frame was dropped or reordered";
            throw new FrameAuthenticationException("frame " + seq + " " + what + " (expected " + expected + ")");
        }
        expected++;
        return Arrays.copyOfRange(body, SessionMac.SEQ_BYTES, SessionMac.SEQ_BYTES + payloadLength);
    }
}
