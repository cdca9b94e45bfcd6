package dev.diag.agent.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a frame body ({@code byte[]}) behind its 4-byte big-endian length. */
@ChannelHandler.Sharable
final class FrameEncoder extends MessageToByteEncoder<byte[]> {
    static final FrameEncoder INSTANCE = new FrameEncoder();

    private FrameEncoder() {
        super(byte[].class, false);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, byte[] body, ByteBuf out) {
        out.writeInt(body.length).writeBytes(body);
    }
}
