package dev.diag.agent.server;

import dev.diag.agent.AgentOptions;
import dev.diag.agent.functions.Functions;
import dev.diag.agent.server.unix.UnixSocketListener;
import dev.diag.agent.tls.ServerTls;
import dev.diag.protocol.cookie.Cookie;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The agent's TCP server: one daemon I/O thread ("diag-io") accepts and serves every
 * connection; functions run on {@link CallExecutor}. Unpooled heap buffers ({@link AgentBuffers}):
 * a guest must not reserve arenas of direct memory in somebody else's process.
 *
 * Besides its own port the server listens on the host's directory port (default 4370), shared
 * with every other node of the same user through SO_REUSEPORT: the kernel hands each connection
 * to one of them, and whichever gets it speaks the normal protocol, handshake first, so only a
 * holder of the cookie can ask it {@code nodes()}. Same event loop, same pipeline: the directory
 * costs one listening socket and no thread. When it cannot be had (another user's node or a
 * program that is not diag holds the port, or the system lacks SO_REUSEPORT) the node runs
 * without it and {@link #directoryProblem()} says why.
 *
 * Both listening sockets are behind one {@link ConnectionGate}: caps on connections below the fd
 * limit, MaxStartups for handshakes, accept and per-source rates, and a pause instead of a spin
 * when an accept fails for want of descriptors.
 */
public final class DiagServer implements AutoCloseable {
    /** "io.netty.noUnsafe" as the shaded copy spells it (agent/pom.xml's relocation prefix; no test yet checks the two agree). */
    static final String NO_UNSAFE = "dev.diag.agent.shaded.io.netty.noUnsafe";

    private final EventLoopGroup group;
    private final Channel channel;
    private final Channel directory;
    private final String directoryProblem;
    private final CallExecutor executor;
    private final NettyProperties properties;
    private ServerBootstrap bootstrap; // kept for listenUnix, set once after start
    private UnixSocketListener unix;

    private DiagServer(EventLoopGroup group, Channel channel, Channel directory, String directoryProblem,
            CallExecutor executor, NettyProperties properties) {
        this.properties = properties;
        this.group = group;
        this.channel = channel;
        this.directory = directory;
        this.directoryProblem = directoryProblem;
        this.executor = executor;
    }

    /**
     * A plaintext node: listens on the node's own port, and on {@code directoryPort} unless it is
     * 0; calls of HIGH-impact functions are logged in {@code auditLog} (see AuditLog).
     */
    public static DiagServer start(AgentOptions options, int directoryPort, Cookie cookie, Functions functions,
            Path auditLog) throws IOException {
        return start(options, directoryPort, cookie, functions, auditLog, null);
    }

    /** {@code tls}: how the node speaks TLS on both ports; null for plaintext only. */
    public static DiagServer start(AgentOptions options, int directoryPort, Cookie cookie, Functions functions,
            Path auditLog, ServerTls tls) throws IOException {
        ServerBootstrap[] configured = new ServerBootstrap[1]; // filled by the start below, for listenUnix
        DiagServer server = start(options, directoryPort, cookie, functions, auditLog, tls, configured);
        server.bootstrap = configured[0];
        return server;
    }

    private static DiagServer start(AgentOptions options, int directoryPort, Cookie cookie, Functions functions,
            Path auditLog, ServerTls tls, ServerBootstrap[] configured) throws IOException {
        // Our relocated Netty reads relocated property names, so this touches no Netty of the
        // target's. Without sun.misc.Unsafe it prints no deprecation warnings into the target's
        // stderr on JDK 24+, and its speed does not matter for a diagnostics port.
        NettyProperties properties = new NettyProperties(); // cleared by close(): nothing left behind
        properties.setIfFree(NO_UNSAFE, "true");
        NettyLogging.silence(); // before Netty's first logger: never through the target's logging
        ByteBufAllocator allocator = AgentBuffers.choose(properties); // before Netty's first buffer: no pool, ours or its default
        EventLoopGroup group = IoLoop.create();
        CallExecutor executor = new CallExecutor();
        RefusalLog refusals = new RefusalLog();
        // one gate for both listening sockets: the caps are the node's, whichever port is used
        ConnectionGate gate = new ConnectionGate(options.connections().limitsForThisProcess(), refusals);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.ALLOCATOR, allocator)
                .handler(gate)
                // Netty accepts up to 16 sockets per wake-up before the gate sees the first: 4 keeps
                // the descriptors held past max-connections, for that instant, to 4
                .option(ChannelOption.MAX_MESSAGES_PER_READ, ConnectionGate.ACCEPTS_PER_WAKEUP)
                .childOption(ChannelOption.ALLOCATOR, allocator)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new DiagChannelInitializer(options.name(), cookie, options.maxFrame(), functions, executor,
                        new AuditLog(auditLog, options.name(), AuditLog.DEFAULT_CAP_BYTES), refusals, tls));
        configured[0] = bootstrap;
        Channel channel;
        try {
            channel = bootstrap.bind(options.bind(), options.port()).syncUninterruptibly().channel();
        } catch (Exception e) { // Netty rethrows the socket's checked BindException unchecked
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            executor.shutdown();
            properties.clear();
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        if (directoryPort == 0) {
            return new DiagServer(group, channel, null, null, executor, properties);
        }
        if (!reusePortSupported()) {
            return new DiagServer(group, channel, null, "this system cannot share a port between processes "
                    + "(SO_REUSEPORT, Linux only)", executor, properties);
        }
        try {
            // Only the directory socket shares its port: the node's own port stays its alone.
            Channel directory = bootstrap.clone()
                    .option(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true)
                    .bind(options.bind(), directoryPort)
                    .syncUninterruptibly()
                    .channel();
            return new DiagServer(group, channel, directory, null, executor, properties);
        } catch (Exception e) {
            return new DiagServer(group, channel, null, bindProblem(e), executor, properties);
        }
    }

    /** Linux lets sockets of one user share a port and spreads connections among them; others differ. */
    static boolean reusePortSupported() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return false;
        }
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String bindProblem(Exception e) {
        if (e instanceof BindException) {
            // Linux admits a socket to a shared port only if every socket there is of the same
            // user and asked to share; anything else already on the port refuses us.
            return "the port is taken by another user's diag node or by a program that is not diag";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Where this node serves the host's directory; empty when it does not. */
    public Optional<InetSocketAddress> directoryAddress() {
        return directory == null ? Optional.empty() : Optional.of((InetSocketAddress) directory.localAddress());
    }

    /** Why a directory port was asked for and is not served; null when it is, or was not asked for. */
    public String directoryProblem() {
        return directoryProblem;
    }

    /**
     * Listens on a Unix-domain socket at {@code path} too, with the same handlers; when the node
     * stops the file goes, and its directory too if {@code ownsDirectory} (see UnixSocketListener).
     */
    public synchronized void listenUnix(Path path, boolean ownsDirectory) throws IOException {
        if (unix == null) {
            unix = UnixSocketListener.bind(bootstrap, path, ownsDirectory);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (unix != null) {
                unix.close();
            }
        }
        if (directory != null) {
            directory.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        executor.shutdown();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        properties.clear(); // last: Netty has read them; a later start sets them anew
    }
}
