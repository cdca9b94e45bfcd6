package dev.diag.agent.server;

import dev.diag.protocol.frame.FrameAuthenticationException;
import dev.diag.protocol.frame.FrameOpener;
import dev.diag.protocol.frame.FrameSealer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Checks the sequence number and MAC of every inbound frame of a session, and seals every
 * outbound one. A single bad frame ends the session: it was tampered with, replayed,
 * reordered or dropped, and nothing after it can be trusted. A {@link PreparedFrame} is sealed
 * in place, in its own buffer. Runs on the channel's event
 * loop, so each direction's sequence is assigned in write order.
 */
final class FrameAuthenticator extends ChannelDuplexHandler {
    private final FrameOpener opener;
    private final FrameSealer sealer;
    private final RefusalLog refusals;

    FrameAuthenticator(FrameOpener opener, FrameSealer sealer, RefusalLog refusals) {
        this.opener = opener;
        this.sealer = sealer;
        this.refusals = refusals;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            ctx.fireChannelRead(opener.open((byte[]) msg));
        } catch (FrameAuthenticationException e) {
            refusals.refused(ctx.channel().remoteAddress(), "session ended: " + e.getMessage());
            ctx.close();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof PreparedFrame frame) {
            // a whole frame already: sealed in its own buffer, past the frame encoder untouched
            ByteBuf sealed;
            try {
                sealed = frame.seal(sealer);
            } catch (RuntimeException e) {
                frame.release();
                promise.setFailure(e);
                return;
            }
            ctx.write(sealed, promise);
            return;
        }
        ctx.write(sealer.seal((byte[]) msg), promise);
    }
}
