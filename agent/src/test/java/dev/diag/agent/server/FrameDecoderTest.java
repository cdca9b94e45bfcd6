package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.frame.FrameLimits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private final FrameDecoder decoder = new FrameDecoder();
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    @Test
    void splitsFramesAcrossArbitraryChunkBoundaries() {
        Random random = new Random(42);
        List<byte[]> bodies = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(300)];
            random.nextBytes(body);
            bodies.add(body);
            stream.writeBytes(EmbeddedConnection.frame(body));
        }
        byte[] bytes = stream.toByteArray();
        for (int at = 0; at < bytes.length; ) {
            int chunk = Math.min(bytes.length - at, 1 + random.nextInt(97));
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, chunk));
            at += chunk;
        }
        for (byte[] body : bodies) {
            assertArrayEquals(body, (byte[]) channel.readInbound());
        }
        assertNull(channel.readInbound());
        assertTrue(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void decodesAFrameDeliveredOneByteAtATime() {
        byte[] body = "one byte at a time".getBytes();
        for (byte b : EmbeddedConnection.frame(body)) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertArrayEquals(body, (byte[]) channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void decodesSeveralFramesFromOneRead() {
        byte[] both = concat(EmbeddedConnection.frame(new byte[] {1}), EmbeddedConnection.frame(new byte[0]),
                EmbeddedConnection.frame(new byte[] {2, 3}));
        channel.writeInbound(Unpooled.wrappedBuffer(both));
        assertArrayEquals(new byte[] {1}, (byte[]) channel.readInbound());
        assertArrayEquals(new byte[0], (byte[]) channel.readInbound());
        assertArrayEquals(new byte[] {2, 3}, (byte[]) channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void acceptsAFrameOfExactly4KiBBeforeAuth() {
        byte[] body = new byte[FrameLimits.PRE_AUTH_MAX];
        channel.writeInbound(Unpooled.wrappedBuffer(EmbeddedConnection.frame(body)));
        assertArrayEquals(body, (byte[]) channel.readInbound());
        assertTrue(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void closesConnectionOnOversizedFrameBeforeAuth() {
        ByteBuf header = header(FrameLimits.PRE_AUTH_MAX + 1);
        assertFalse(channel.writeInbound(header));
        assertFalse(channel.isOpen());
        assertEquals(0, header.refCnt(), "the decoder kept bytes of an oversized frame");
        assertFalse(channel.finish());
    }

    @Test
    void closesOnTheHeaderAloneOfA2GiBFrameWithoutWaitingForItsBody() {
        // Only the 4 header bytes arrive: closing now proves nothing waits for (or buffers) the body.
        ByteBuf header = header(Integer.MAX_VALUE);
        assertFalse(channel.writeInbound(header));
        assertFalse(channel.isOpen());
        assertEquals(0, header.refCnt(), "the decoder kept the header of a 2 GiB frame");
        assertFalse(channel.finish());
    }

    @Test
    void readsTheDeclaredLengthAsUnsignedSoA4GiBHeaderAlsoCloses() {
        assertFalse(channel.writeInbound(header(0xFFFF_FFFF)));
        assertFalse(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void closesOnAnOversizedHeaderThatArrivesSplitAcrossReads() {
        ByteBuf header = header(Integer.MAX_VALUE);
        channel.writeInbound(header.readRetainedSlice(2));
        assertTrue(channel.isOpen(), "two bytes are not yet a length");
        channel.writeInbound(header);
        assertFalse(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void passesAFrameOver4KiBOnceTheLimitIsRaised() {
        decoder.raiseLimit(64 * 1024);
        byte[] body = new byte[10_000];
        new Random(7).nextBytes(body);
        channel.writeInbound(Unpooled.wrappedBuffer(EmbeddedConnection.frame(body)));
        assertArrayEquals(body, (byte[]) channel.readInbound());
        assertTrue(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void closesOverTheRaisedLimit() {
        decoder.raiseLimit(64 * 1024);
        assertFalse(channel.writeInbound(header(64 * 1024 + 1)));
        assertFalse(channel.isOpen());
        assertFalse(channel.finish());
    }

    @Test
    void discardsTheRestOfTheReadThatCarriedAnOversizedHeader() {
        ByteBuf read = Unpooled.wrappedBuffer(concat(headerBytes(FrameLimits.PRE_AUTH_MAX + 1), new byte[100],
                EmbeddedConnection.frame(new byte[] {1, 2, 3})));
        assertFalse(channel.writeInbound(read));
        assertNull(channel.readInbound());
        assertEquals(0, read.refCnt());
        assertFalse(channel.finish());
    }

    @Test
    void discardsGarbageAndEvenValidFramesThatArriveWhileTheCloseIsUnderway() {
        // A real socket's close is not instant: bytes already in flight still arrive. Hold the
        // close back to see that the decoder ignores them.
        CloseRecorder closes = new CloseRecorder();
        EmbeddedChannel held = new EmbeddedChannel(closes, new FrameDecoder());
        held.writeInbound(header(FrameLimits.PRE_AUTH_MAX + 1));
        assertEquals(1, closes.requested);

        ByteBuf garbage = Unpooled.wrappedBuffer(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0, 0});
        ByteBuf validFrame = Unpooled.wrappedBuffer(EmbeddedConnection.frame("{\"id\":1}".getBytes()));
        assertFalse(held.writeInbound(garbage));
        assertFalse(held.writeInbound(validFrame));
        assertNull(held.readInbound());
        assertEquals(0, garbage.refCnt(), "garbage after the close was buffered");
        assertEquals(0, validFrame.refCnt(), "a frame after the close was buffered");
        closes.holding = false;
        assertFalse(held.finish());
    }

    /** Holds close requests back, as if the socket's close had not happened yet, until released. */
    private static final class CloseRecorder extends ChannelOutboundHandlerAdapter {
        int requested;
        boolean holding = true;

        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
            if (holding) {
                requested++;
                promise.setSuccess();
            } else {
                ctx.close(promise);
            }
        }
    }

    private static ByteBuf header(long length) {
        return Unpooled.wrappedBuffer(headerBytes(length));
    }

    private static byte[] headerBytes(long length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
