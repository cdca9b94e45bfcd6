package dev.diag.agent.server;

import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.MalformedMessageException;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/**
 * Authenticated payloads to {@link Message}s and back. A payload that is not a message is
 * answered with a "malformed" error under id 0; the session goes on, since the peer proved
 * it holds the cookie and the bug is in its client, not an attack.
 */
final class MessageCodecHandler extends MessageToMessageCodec<byte[], Message> {

    MessageCodecHandler() {
        super(byte[].class, Message.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message message, List<Object> out) {
        out.add(MessageCodec.encode(message));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, byte[] payload, List<Object> out) {
        try {
            out.add(MessageCodec.decodeOnNode(payload));
        } catch (MalformedMessageException e) {
            // From the channel's tail, so the reply passes this codec's own encoder and the authenticator.
            ctx.channel().writeAndFlush(Message.Reply.failure(0, new CallError(CallError.MALFORMED, e.getMessage())));
        }
    }
}
