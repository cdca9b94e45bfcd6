package dev.diag.agent.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every inbound message that reaches it and passes it on unchanged. */
final class InboundSpy extends ChannelInboundHandlerAdapter {
    final List<Object> seen = new CopyOnWriteArrayList<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        seen.add(msg);
        ctx.fireChannelRead(msg);
    }
}
