package dev.diag.agent.server.unix;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.FileRegion;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.nio.AbstractNioByteChannel;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/**
 * One accepted connection on the node's Unix-domain socket, as a Netty channel of the NIO
 * transport: the JDK's UNIX-family {@link SocketChannel} (JDK 16+) on the same selector, so the
 * same "diag-io" thread serves it through the same pipeline as a TCP connection. Netty 4.1 has no
 * such channel of its own (4.2's NioDomainSocketChannel is this, with more options); everything
 * TCP-specific (options, half-closure, file regions) is simply absent.
 */
final class UnixConnection extends AbstractNioByteChannel {
    private static final ChannelMetadata METADATA = new ChannelMetadata(false, 16);
    private final ChannelConfig config = new DefaultChannelConfig(this);

    UnixConnection(Channel parent, SocketChannel socket) {
        super(parent, socket);
    }

    @Override
    protected SocketChannel javaChannel() {
        return (SocketChannel) super.javaChannel();
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
        SocketChannel channel = javaChannel();
        return channel.isOpen() && channel.isConnected();
    }

    @Override
    protected int doReadBytes(ByteBuf buffer) throws Exception {
        RecvByteBufAllocator.Handle handle = unsafe().recvBufAllocHandle();
        handle.attemptedBytesRead(buffer.writableBytes());
        return buffer.writeBytes(javaChannel(), handle.attemptedBytesRead());
    }

    @Override
    protected int doWriteBytes(ByteBuf buffer) throws Exception {
        return buffer.readBytes(javaChannel(), buffer.readableBytes());
    }

    @Override
    protected long doWriteFileRegion(FileRegion region) {
        throw new UnsupportedOperationException("no file regions on a diag socket");
    }

    @Override
    protected ChannelFuture shutdownInput() {
        ChannelPromise promise = newPromise();
        try {
            javaChannel().shutdownInput();
            promise.setSuccess();
        } catch (IOException e) {
            promise.setFailure(e);
        }
        return promise;
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
        return Addresses.orNull(javaChannel()::getRemoteAddress);
    }

    @Override
    protected void doBind(SocketAddress local) {
        throw new UnsupportedOperationException("an accepted connection is bound already");
    }

    @Override
    protected void doDisconnect() throws Exception {
        doClose();
    }

    @Override
    protected void doClose() throws Exception {
        super.doClose();
        javaChannel().close();
    }
}
