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
}
