package dev.diag.agent.server;

import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.frame.FrameSealer;
import dev.diag.protocol.frame.SessionMac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.DefaultByteBufHolder;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A whole frame whose payload was written straight into one pooled buffer, with room left for
 * what the session adds: the length prefix, the sequence number before the payload and the MAC
 * after it. {@link FrameAuthenticator} fills those in on the event loop, in write order, and the
 * buffer goes to the socket as it is: the payload is never copied, and the buffer goes back to
 * Netty's pool once written, or released as any reference-counted message Netty cannot write
 * (a closed channel), so a long stream of
 * chunks leaves no garbage behind.
 *
 * <pre>
 * +----------------+-----------+----------------+------------------+
 * | length: u32 BE | seq: u64  | payload        | mac: 32 bytes    |
 * +----------------+-----------+----------------+------------------+
 *   filled by the authenticator     written here    filled by the authenticator
 * </pre>
 */
final class PreparedFrame extends DefaultByteBufHolder {
    /** What a payload writes into: the frame's buffer, past the room for the length and sequence. */
    @FunctionalInterface
    interface Payload {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int PAYLOAD_AT = FrameLimits.HEADER_BYTES + SessionMac.SEQ_BYTES;

    private PreparedFrame(ByteBuf frame) {
        super(frame);
    }

    /** A heap buffer for a frame whose payload is about {@code expectedBytes} long (it grows if need be). */
    static ByteBuf buffer(ByteBufAllocator allocator, int expectedBytes) {
        return allocator.heapBuffer(PAYLOAD_AT + expectedBytes + SessionMac.MAC_BYTES);
    }

    /**
     * The payload written into {@code frame} (a {@link #buffer}, emptied first: it may be reused),
     * which the frame then owns; released if writing fails.
     */
    static PreparedFrame write(ByteBuf frame, Payload payload) throws IOException {
        boolean written = false;
        try {
            frame.clear().writerIndex(PAYLOAD_AT);
            payload.writeTo(new ByteBufOutputStream(frame));
            frame.writeZero(SessionMac.MAC_BYTES);
            written = true;
            return new PreparedFrame(frame);
        } finally {
            if (!written) {
                frame.release();
            }
        }
    }

    int payloadLength() {
        return content().writerIndex() - PAYLOAD_AT - SessionMac.MAC_BYTES;
    }

    /** Fills in the length, and the sequence number and MAC from {@code sealer}; returns the buffer. */
    ByteBuf seal(FrameSealer sealer) {
        ByteBuf frame = content();
        frame.setInt(0, frame.writerIndex() - FrameLimits.HEADER_BYTES);
        sealer.sealInPlace(frame.array(), frame.arrayOffset() + FrameLimits.HEADER_BYTES, payloadLength());
        return frame;
    }
}
