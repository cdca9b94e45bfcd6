package dev.diag.agent.server;

import dev.diag.protocol.frame.FrameLimits;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the byte stream into frame bodies ({@code byte[]}). The declared length is checked
 * before the body is waited for, so a peer cannot make the agent buffer more than the cap:
 * over it, the connection closes unread. The cap is {@link FrameLimits#PRE_AUTH_MAX} until
 * {@link HandshakeHandler} raises it.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private int max = FrameLimits.PRE_AUTH_MAX;
    private boolean closing;

    void raiseLimit(int newMax) {
        max = newMax;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (closing) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < FrameLimits.HEADER_BYTES) {
            return;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length > max) {
            closing = true;
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        if (in.readableBytes() < FrameLimits.HEADER_BYTES + length) {
            return;
        }
        in.skipBytes(FrameLimits.HEADER_BYTES);
        byte[] body = new byte[(int) length];
        in.readBytes(body);
        out.add(body);
    }
}
