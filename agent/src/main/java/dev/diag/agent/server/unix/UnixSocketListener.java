package dev.diag.agent.server.unix;

import dev.diag.protocol.cookie.StrictModes;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.bootstrap.ServerBootstrapConfig;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * The node's Unix-domain socket: a file of mode 600 in a directory of mode 700, served by the
 * server's own bootstrap (same event loop, same pipeline, the same cookie handshake first). It is
 * how a shell outside the node's network namespace reaches it, through {@code /proc/PID/root/…}
 * (docs/kubernetes.md). Costs one descriptor and no thread; the file goes when the node stops.
 */
public final class UnixSocketListener implements AutoCloseable {
    /**
     * The name {@code diag inject} gives the agent jar it copies into a container's directory
     * (the shell's CookieDropbox.AGENT_JAR): the JVM loaded the agent from it.
     */
    static final String AGENT_JAR = "diag-agent.jar";

    private final Channel channel;
    private final Path path;
    private final boolean ownsDirectory;

    private UnixSocketListener(Channel channel, Path path, boolean ownsDirectory) {
        this.channel = channel;
        this.path = path;
        this.ownsDirectory = ownsDirectory;
    }

    /**
     * Binds {@code path} with {@code configured}'s handlers; the directory it is in must be ours
     * alone. {@code ownsDirectory}: the directory was made for this node (diag inject's), so it
     * goes with the socket, when empty.
     */
    public static UnixSocketListener bind(ServerBootstrap configured, Path path, boolean ownsDirectory)
            throws IOException {
        Path socket = path.toAbsolutePath();
        // The file takes our umask's mode at bind and 600 a moment later: only a private directory
        // keeps another user from connecting in between.
        StrictModes.checkDirectory(socket.getParent());
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(socket + " exists; another node may listen there: choose another socket=");
        }
        Channel channel;
        try {
            channel = sameHandlers(configured)
                    .bind(UnixDomainSocketAddress.of(socket))
                    .syncUninterruptibly()
                    .channel();
        } catch (Exception e) { // Netty rethrows the socket's checked exceptions unchecked
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        UnixSocketListener listener = new UnixSocketListener(channel, socket, ownsDirectory);
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw new IOException("cannot make " + socket + " private: " + e.getMessage(), e);
        }
        return listener;
    }

    /**
     * A bootstrap of our channel with the TCP one's loop, handlers and options (its channel is
     * fixed once set): the listener's handler too, the node's one connection gate, so connections
     * here count toward the same caps (max-connections, max-startups, the accept rate).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ServerBootstrap sameHandlers(ServerBootstrap configured) {
        ServerBootstrapConfig config = configured.config();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(config.group(), config.childGroup())
                .channelFactory(UnixSocketListener::open)
                .childHandler(config.childHandler());
        if (config.handler() != null) {
            bootstrap.handler(config.handler());
        }
        config.options().forEach((option, value) -> bootstrap.option((ChannelOption) option, value));
        // TCP's child options (TCP_NODELAY) mean nothing here; the allocator does
        Object allocator = config.childOptions().get(ChannelOption.ALLOCATOR);
        if (allocator != null) {
            bootstrap.childOption(ChannelOption.ALLOCATOR, (ByteBufAllocator) allocator);
        }
        return bootstrap;
    }

    private static UnixServerChannel open() {
        try {
            return new UnixServerChannel();
        } catch (IOException e) {
            throw new ChannelException(e);
        }
    }

    /**
     * Stops listening and removes the socket file, and in its own directory the agent jar diag
     * inject put there, then the directory; open sessions end with the event loop.
     */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        try {
            Files.deleteIfExists(path);
            if (ownsDirectory) {
                // Unlinked, not gone: the system class loader holds the jar open for the JVM's life (the
                // agent's classes stay loaded, and a later inject's agent loads more from it) and reads
                // through that descriptor; only the name goes, the blocks are freed when the JVM exits.
                Files.deleteIfExists(path.getParent().resolve(AGENT_JAR)); // a link there: only the link goes
                Files.deleteIfExists(path.getParent()); // refused while anything else is in it, as it should be
            }
        } catch (IOException ignored) {
            // a socket file nobody listens on refuses connections: harmless, and replaced by the next bind
        }
    }
}
