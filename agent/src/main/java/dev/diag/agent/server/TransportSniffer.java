package dev.diag.agent.server;

import dev.diag.agent.tls.ServerTls;
import dev.diag.protocol.handshake.AgentHandshake;
import dev.diag.protocol.handshake.HandshakeMessage;
import dev.diag.protocol.handshake.RejectReason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.util.List;

/**
 * First in the pipeline of a node that speaks TLS: tells a TLS connection from a plain one by
 * its first byte, and steps aside. A TLS record starts with its content type, 0x16 for the
 * ClientHello; a diag frame starts with the top byte of a length of at most 4 KiB, 0x00. TLS:
 * an {@link SslHandler} takes this handler's place and the handshake binds the node's
 * certificate. Plain, from a peer the policy lets through (this host's loopback, or anyone with
 * insecure-plaintext=true): the plain pipeline goes on as on a loopback node. Plain from anyone
 * else: one REJECT saying TLS is required, then the connection closes; nothing the peer sent
 * is read further. Either way the bytes already read go on to the handler that takes over.
 */
final class TransportSniffer extends ByteToMessageDecoder {
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    static final String TLS_REQUIRED_TEXT = "this node accepts only TLS from here: connect with --tls";

    private final ServerTls tls;
    private final AgentHandshake handshake;
    private final RefusalLog refusals;
    private boolean refused;

    TransportSniffer(ServerTls tls, AgentHandshake handshake, RefusalLog refusals) {
        this.tls = tls;
        this.handshake = handshake;
        this.refusals = refusals;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (refused || !in.isReadable()) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE_RECORD) {
            handshake.overTls(tls.binding());
            ctx.pipeline().replace(this, "tls", new SslHandler(tls.newEngine()));
        } else if (tls.acceptsPlainFrom(ctx.channel().remoteAddress())) {
            ctx.pipeline().remove(this);
        } else {
            refused = true;
            in.skipBytes(in.readableBytes());
            refusals.refused(ctx.channel().remoteAddress(), "a plaintext connection where only TLS is accepted");
            // through the whole pipeline, so the frame encoder frames it as any REJECT
            ctx.channel().writeAndFlush(new HandshakeMessage.Reject(RejectReason.TLS_REQUIRED, TLS_REQUIRED_TEXT)
                    .encode()).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
