package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {

    @Test
    void writesEachBodyBehindItsBigEndianLength() {
        EmbeddedChannel channel = new EmbeddedChannel(FrameEncoder.INSTANCE);
        byte[] body = new byte[300];
        body[0] = 7;
        assertTrue(channel.writeOutbound(body, new byte[0]));
        assertArrayEquals(EmbeddedConnection.frame(body), bytes(channel.readOutbound()));
        assertArrayEquals(new byte[] {0, 0, 0, 0}, bytes(channel.readOutbound()));
        assertFalse(channel.finish());
    }

    @Test
    void roundTripsThroughTheDecoder() {
        byte[] body = "{\"id\":1,\"ok\":true}".getBytes();
        EmbeddedChannel out = new EmbeddedChannel(FrameEncoder.INSTANCE);
        out.writeOutbound(body);
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder());
        in.writeInbound((ByteBuf) out.readOutbound());
        assertArrayEquals(body, (byte[]) in.readInbound());
        assertFalse(out.finish());
        assertFalse(in.finish());
    }

    private static byte[] bytes(ByteBuf buf) {
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
