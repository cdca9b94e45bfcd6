package dev.diag.agent.server;

import dev.diag.agent.AgentOptions;
import dev.diag.agent.functions.Functions;
import dev.diag.protocol.cookie.Cookie;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The agent's TCP server: one daemon I/O thread ("diag-io") accepts and serves every
 * connection; functions run on {@link CallExecutor}. Unpooled heap buffers: a guest must not
 * reserve arenas of direct memory in somebody else's process.
 */
public final class DiagServer implements AutoCloseable {
    /** "io.netty.noUnsafe" as the shaded copy spells it; a test checks the jar uses this name. */
    static final String NO_UNSAFE = "dev.diag.agent.shaded.io.netty.noUnsafe";

    private final EventLoopGroup group;
    private final Channel channel;
    private final CallExecutor executor;

    private DiagServer(EventLoopGroup group, Channel channel, CallExecutor executor) {
        this.group = group;
        this.channel = channel;
        this.executor = executor;
    }

    public static DiagServer start(AgentOptions options, Cookie cookie, Functions functions) throws IOException {
        // Our relocated Netty reads relocated property names, so this touches no Netty of the
        // target's. Without sun.misc.Unsafe it prints no deprecation warnings into the target's
        // stderr on JDK 24+, and its speed does not matter for a diagnostics port.
        System.setProperty(NO_UNSAFE, System.getProperty(NO_UNSAFE, "true"));
        EventLoopGroup group = new NioEventLoopGroup(1, runnable -> {
            Thread thread = new FastThreadLocalThread(runnable, "diag-io");
            thread.setDaemon(true);
            return thread;
        });
        CallExecutor executor = new CallExecutor();
        UnpooledByteBufAllocator allocator = new UnpooledByteBufAllocator(false);
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.ALLOCATOR, allocator)
                    .childOption(ChannelOption.ALLOCATOR, allocator)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new DiagChannelInitializer(options.name(), cookie, options.maxFrame(), functions, executor))
                    .bind(options.bind(), options.port())
                    .syncUninterruptibly()
                    .channel();
            return new DiagServer(group, channel, executor);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            executor.shutdown();
            // bind failures surface as unchecked exceptions wrapping the socket error
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        executor.shutdown();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
