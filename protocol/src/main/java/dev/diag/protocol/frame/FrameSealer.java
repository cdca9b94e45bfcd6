package dev.diag.protocol.frame;

import java.nio.ByteBuffer;

/**
 * Seals outgoing bodies of one direction of an authenticated session:
 *
 * <pre>
 * +-----------+------------------+----------------------------------------+
 * | seq: u64  | payload          | mac: HMAC-SHA256(key, seq || payload)  |
 * +-----------+------------------+----------------------------------------+
 * </pre>
 *
 * The sequence starts at 0 and rises by one per frame; {@link FrameOpener} on the other side
 * expects exactly the next number. Not thread-safe: one writer per direction.
 */
public final class FrameSealer {
    private final SessionMac mac;
    private long next;

    public FrameSealer(byte[] key) {
        this.mac = new SessionMac(key);
    }

    public byte[] seal(byte[] payload) {
        ByteBuffer body = ByteBuffer.allocate(SessionMac.SEQ_BYTES + payload.length + SessionMac.MAC_BYTES);
        body.putLong(next++).put(payload);
        body.put(mac.compute(body.array(), 0, SessionMac.SEQ_BYTES + payload.length));
        return body.array();
    }

    /**
     * Seals a body laid out in place, as {@link #seal} would lay it out: {@code body[offset ..
     * offset+8)} receives the sequence number, the {@code payloadLength} bytes after it are the
     * payload, and the 32 bytes after those receive the MAC. For a payload written straight into
     * its frame's buffer, so it is never copied to be sealed.
     */
    public void sealInPlace(byte[] body, int offset, int payloadLength) {
        ByteBuffer.wrap(body, offset, SessionMac.SEQ_BYTES).putLong(next++);
        int signed = SessionMac.SEQ_BYTES + payloadLength;
        mac.computeInto(body, offset, signed, body, offset + signed);
    }
}
