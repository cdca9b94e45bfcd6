package dev.diag.agent.server;

import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.MalformedMessageException;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Authenticated payloads to {@link Message}s and back. A payload that is not a message is
 * answered with a "malformed" error under id 0; the session goes on, since the peer proved
 * it holds the cookie and the bug is in its client, not an attack.
 *
 * <p>A plain duplex handler, as {@link FrameAuthenticator} is, rather than Netty's
 * MessageToMessageCodec: one payload is one message each way, so the codec's output lists and
 * type matchers are of no use, and their half-dozen classes were loaded on a fresh node's first call.
 * As there, an exception while encoding fails the write's promise; one while decoding reaches
 * {@link CallDispatcher#exceptionCaught}, which closes the session.
 */
final class MessageCodecHandler extends ChannelDuplexHandler {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof byte[] payload)) {
            ctx.fireChannelRead(msg);
            return;
        }
        Message message;
        try {
            message = MessageCodec.decodeOnNode(payload);
        } catch (MalformedMessageException e) {
            // From the channel's tail, so the reply passes this codec's own encoder and the authenticator.
            ctx.channel().writeAndFlush(Message.Reply.failure(0, new CallError(CallError.MALFORMED, e.getMessage())));
            return;
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Message message)) {
            ctx.write(msg, promise);
            return;
        }
        byte[] payload;
        try {
            payload = MessageCodec.encode(message);
        } catch (RuntimeException e) {
            promise.tryFailure(e); // not setFailure: a promise already done (cancelled, say) would make it throw out of write
            return;
        }
        ctx.write(payload, promise);
    }
}
