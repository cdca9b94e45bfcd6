package dev.diag.agent.server;

import dev.diag.protocol.handshake.AgentHandshake;
import dev.diag.protocol.handshake.AgentHandshakeException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The default-deny gate. Until the client has proved it holds the cookie, this handler is the
 * last one in the pipeline: it consumes every frame and passes nothing on, so no other handler
 * can see unauthenticated input. On success it installs the session handlers behind itself and
 * removes itself. The whole handshake must finish within an absolute deadline: a timer that
 * restarts on each byte would let a slow trickle hold the connection forever.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {
    static final long DEADLINE_MILLIS = 5_000;

    private final AgentHandshake handshake;
    private final SessionInstaller installer;
    private final RefusalLog refusals;
    private ScheduledFuture<?> deadline;
    private boolean challenged;
    private boolean refused;

    /** What to put in the pipeline once the client is authenticated. */
    interface SessionInstaller {
        void install(ChannelHandlerContext ctx, AgentHandshake.Accepted accepted);
    }

    HandshakeHandler(AgentHandshake handshake, SessionInstaller installer, RefusalLog refusals) {
        this.handshake = handshake;
        this.installer = installer;
        this.refusals = refusals;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(new Deadline(ctx), DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Ends a handshake that took too long. A class, not a lambda: a lambda is linked on a fresh node's first connection. */
    private final class Deadline implements Runnable {
        private final ChannelHandlerContext ctx;

        Deadline(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            refusals.refused(ctx.channel().remoteAddress(), "handshake not finished within "
                    + DEADLINE_MILLIS / 1000 + " s");
            ctx.close();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        deadline.cancel(false);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof byte[] body) || refused) {
            ReferenceCountUtil.release(msg); // after a REJECT nothing more is read: the connection is closing
            ctx.close();
            return;
        }
        try {
            if (!challenged) {
                challenged = true;
                ctx.writeAndFlush(handshake.challenge(body));
            } else {
                AgentHandshake.Accepted accepted = handshake.verify(body);
                ctx.writeAndFlush(accepted.welcome());
                installer.install(ctx, accepted);
                ctx.pipeline().remove(this);
                ConnectionGate.authenticated(ctx.channel()); // no longer a startup (MaxStartups)
            }
        } catch (AgentHandshakeException e) {
            refused = true;
            refusals.refused(ctx.channel().remoteAddress(), e.getMessage());
            ctx.writeAndFlush(e.reply()).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
