package dev.diag.agent.server.unix;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.AbstractNioMessageChannel;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The node's listening Unix-domain socket as a Netty server channel: accepts on the event loop's
 * selector and hands each connection on as a {@link UnixConnection}, so a ServerBootstrap treats it
 * exactly as it treats the TCP listener.
 */
public final class UnixServerChannel extends AbstractNioMessageChannel implements ServerChannel {
    private static final ChannelMetadata METADATA = new ChannelMetadata(false, 16);
    private final ChannelConfig config = new DefaultChannelConfig(this);

    /** Opens an unbound UNIX-family socket; Netty binds it to a UnixDomainSocketAddress. */
    public UnixServerChannel() throws IOException {
        super(null, ServerSocketChannel.open(StandardProtocolFamily.UNIX), SelectionKey.OP_ACCEPT);
    }

    @Override
    protected ServerSocketChannel javaChannel() {
        return (ServerSocketChannel) super.javaChannel();
    }

    @Override
    public ChannelConfig config() {
        return config;
    }

    @Override
    public ChannelMetadata metadata() {
        return METADATA;
    }

    @Override
    public boolean isActive() {
        return isOpen() && localAddress0() != null;
    }

    @Override
    protected int doReadMessages(List<Object> accepted) throws Exception {
        SocketChannel socket = javaChannel().accept();
        if (socket == null) {
            return 0;
        }
        accepted.add(new UnixConnection(this, socket));
        return 1;
    }

    @Override
    protected boolean doWriteMessage(Object message, ChannelOutboundBuffer out) {
        throw new UnsupportedOperationException("a listening socket writes nothing");
    }

    @Override
    protected void doBind(SocketAddress local) throws Exception {
        javaChannel().bind(local, 16);
    }

    @Override
    protected boolean doConnect(SocketAddress remote, SocketAddress local) {
        throw Addresses.noConnect();
    }

    @Override
    protected void doFinishConnect() {
        throw Addresses.noConnect();
    }

    @Override
    protected SocketAddress localAddress0() {
        return Addresses.orNull(javaChannel()::getLocalAddress);
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return null;
    }

    @Override
    protected void doDisconnect() {
        throw new UnsupportedOperationException("a listening socket has no peer");
    }

    @Override
    protected void doClose() throws Exception {
        javaChannel().close();
    }
}
