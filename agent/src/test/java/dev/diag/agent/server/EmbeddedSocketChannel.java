package dev.diag.agent.server;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DefaultSocketChannelConfig;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketChannelConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * An {@link EmbeddedChannel} that is also a {@link SocketChannel}, so the production
 * {@code DiagChannelInitializer} (a {@code ChannelInitializer<SocketChannel>}) runs on it
 * unchanged: its bridge method casts the channel, and a plain EmbeddedChannel would fail
 * that cast and be closed by ChannelInitializer before a handler was added.
 *
 * <p>Registered on construction with an empty pipeline; the test adds handlers afterwards.
 * The socket config wraps an unconnected {@link Socket}, closed with the channel.
 */
final class EmbeddedSocketChannel extends EmbeddedChannel implements SocketChannel {
    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 4370);
    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50_000);

    // No initialisers: config() is first called from EmbeddedChannel's constructor, before ours runs.
    private Socket socket;
    private SocketChannelConfig socketConfig;

    EmbeddedSocketChannel() {
        super();
    }

    @Override
    public SocketChannelConfig config() {
        if (socketConfig == null) {
            socket = new Socket();
            socketConfig = new DefaultSocketChannelConfig(this, socket);
        }
        return socketConfig;
    }

    @Override
    public ServerSocketChannel parent() {
        return null;
    }

    @Override
    public InetSocketAddress localAddress() {
        return LOCAL;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return PEER;
    }

    @Override
    public boolean isInputShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdownInput() {
        return shutdownInput(newPromise());
    }

    @Override
    public ChannelFuture shutdownInput(ChannelPromise promise) {
        return promise.setFailure(new UnsupportedOperationException("half-close is not embedded"));
    }

    @Override
    public boolean isOutputShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdownOutput() {
        return shutdownOutput(newPromise());
    }

    @Override
    public ChannelFuture shutdownOutput(ChannelPromise promise) {
        return promise.setFailure(new UnsupportedOperationException("half-close is not embedded"));
    }

    @Override
    public boolean isShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdown() {
        return shutdown(newPromise());
    }

    @Override
    public ChannelFuture shutdown(ChannelPromise promise) {
        return promise.setFailure(new UnsupportedOperationException("half-close is not embedded"));
    }

    @Override
    protected void doClose() throws Exception {
        super.doClose();
        try {
            socket.close();
        } catch (IOException ignored) {
            // never connected; nothing to report
        }
    }
}
