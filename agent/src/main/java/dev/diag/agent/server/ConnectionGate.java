package dev.diag.agent.server;

import dev.diag.agent.server.limits.ConnectionLimits;
import dev.diag.agent.server.limits.SourceBuckets;
import dev.diag.agent.server.limits.TokenBucket;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * Decides, for each accepted socket, whether it may start a handshake, before Netty registers
 * it or builds its pipeline: a refused socket is closed at once, costing an accept and a close
 * and never an fd for longer. Sits on the listening channels (node port and directory port, one
 * gate for all, so the caps are the node's; the Unix-domain socket of a node in a container too),
 * in front of Netty's acceptor. In order:
 * <ol>
 * <li>accept rate: past {@link ConnectionLimits#ACCEPT_BURST} the listening sockets stop being
 *     read until the next token; the kernel's backlog holds the waiting connections in order, so
 *     a flood costs the target a bounded share of a core and a real client waits its turn;</li>
 * <li>all connections, authenticated or not: at most {@code maxConnections}, well below the fd
 *     limit, so a flood leaves the application its descriptors;</li>
 * <li>unauthenticated connections: OpenSSH's MaxStartups random early drop;</li>
 * <li>per source address: a token bucket each, so one flooding address cannot use up the rest.
 *     Past its rate a connection waits its turn unread (up to {@link ConnectionLimits#SOURCE_BURST}
 *     of them, about 2 s at most, well inside the 5 s handshake deadline), so a real user on the
 *     flood's own address still gets in within a second or so, and a flood that waits for
 *     answers is slowed to the rate instead of reconnecting at once; past that, it is closed.</li>
 * </ol>
 * A failed accept (EMFILE, ENFILE: the process or the system is out of descriptors) pauses
 * accepting for {@value #ACCEPT_PAUSE_MILLIS} ms instead of spinning, and says so at most once a
 * minute. Runs on the one I/O thread, so its counts need no locks.
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {
    static final long ACCEPT_PAUSE_MILLIS = 1_000;
    static final int ACCEPTS_PER_WAKEUP = 4;
    private static final AttributeKey<Admission> ADMISSION = AttributeKey.valueOf("diag.admission");

    private final ConnectionLimits limits;
    private final RefusalLog log;
    private final LongSupplier clock;
    private final TokenBucket accepts;
    private final SourceBuckets sources;
    private int open;
    private int pending;

    ConnectionGate(ConnectionLimits limits, RefusalLog log) {
        this(limits, log, System::nanoTime);
    }

    /** With a clock of its own, for a test that moves time itself. */
    ConnectionGate(ConnectionLimits limits, RefusalLog log, LongSupplier clock) {
        this.limits = limits;
        this.log = log;
        this.clock = clock;
        long now = clock.getAsLong();
        this.accepts = new TokenBucket(ConnectionLimits.ACCEPT_BURST, ConnectionLimits.ACCEPTS_PER_SECOND, now);
        this.sources = new SourceBuckets(ConnectionLimits.SOURCE_BURST, ConnectionLimits.SOURCE_PER_SECOND,
                ConnectionLimits.MAX_SOURCES);
    }

    /** Called once the connection's handshake succeeded: it no longer counts as a startup. */
    static void authenticated(Channel channel) {
        Admission admission = channel.attr(ADMISSION).get();
        if (admission != null) {
            admission.authenticated();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Channel child)) {
            ctx.fireChannelRead(msg);
            return;
        }
        long now = clock.getAsLong();
        // This one is accepted already (Netty accepts a few per wake-up) and is judged below;
        // past the rate, the next ones wait in the kernel's backlog until the debt is paid.
        accepts.charge(now);
        long debt = accepts.nanosUntilToken(now);
        if (debt > 0) {
            pause(ctx, debt);
        }
        SocketAddress peer = peer(child);
        String refusal;
        long wait = 0;
        try {
            refusal = refusal(peer);
            // A Unix-domain socket's peers have no address to tell apart, and all are the JVM's user
            // or root (the socket is 600 in a 700 directory): the node's caps hold them, no source rate.
            if (refusal == null && peer instanceof InetSocketAddress inet) {
                wait = sources.reserve(inet.getAddress(), now);
                refusal = wait >= 0 ? null : "too many connections from " + inet.getAddress().getHostAddress()
                        + " (more than " + ConnectionLimits.SOURCE_PER_SECOND + " a second)";
            }
        } catch (RuntimeException e) { // a socket reset before we looked at it: nothing to keep
            refusal = "it was gone before it could be read";
        }
        if (refusal != null) {
            child.unsafe().closeForcibly(); // never registered: no pipeline events, the fd is freed now
            log.refused(peer, refusal);
            return;
        }
        admit(child);
        if (wait > 0) {
            waitTurn(ctx, child, wait);
        }
        ctx.fireChannelRead(child);
    }

    /** Why a connection from {@code peer} may not start a handshake, or null when it may. */
    private String refusal(SocketAddress peer) {
        if (open >= limits.maxConnections()) {
            return "the node holds " + open + " connections, its limit (max-connections)";
        }
        if (peer == null || peer instanceof InetSocketAddress inet && inet.getAddress() == null) {
            return "it has no peer address";
        }
        if (!limits.startups().admits(pending, Dice.INSTANCE)) {
            return pending + " connections are still in the handshake (max-startups " + limits.startups() + ")";
        }
        return null;
    }

    /** Nothing of {@code child} is read until its source's reserved token is due. */
    private static void waitTurn(ChannelHandlerContext ctx, Channel child, long nanos) {
        child.config().setAutoRead(false);
        ctx.executor().schedule(() -> {
            if (child.isOpen()) {
                child.config().setAutoRead(true);
            }
        }, nanos, TimeUnit.NANOSECONDS);
    }

    private void admit(Channel child) {
        open++;
        pending++;
        Admission admission = new Admission();
        child.attr(ADMISSION).set(admission);
        child.closeFuture().addListener(admission);
    }

    /**
     * An accept failed: most likely the process or the system has no descriptor left. Netty would
     * retry at once and spin; stop reading the listening socket for a moment instead.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        pause(ctx, TimeUnit.MILLISECONDS.toNanos(ACCEPT_PAUSE_MILLIS));
        String why = cause.getMessage() == null ? "an error" : cause.getMessage();
        log.problem("cannot accept connections (" + why + "); trying again every " + ACCEPT_PAUSE_MILLIS / 1000
                + " s");
    }

    private static void pause(ChannelHandlerContext ctx, long nanos) {
        Channel listener = ctx.channel();
        if (!listener.config().isAutoRead()) {
            return; // already paused; its timer resumes it
        }
        listener.config().setAutoRead(false);
        ctx.executor().schedule(() -> {
            if (listener.isOpen()) {
                listener.config().setAutoRead(true);
            }
        }, Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
    }

    /** The peer: an address on the node's ports, an unnamed one on its Unix-domain socket; null when unknown. */
    private static SocketAddress peer(Channel child) {
        try {
            SocketAddress address = child.remoteAddress();
            return address instanceof InetSocketAddress || address instanceof UnixDomainSocketAddress ? address : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * MaxStartups' random draw. This class and {@link Admission} being a listener are written out
     * rather than as lambdas: each lambda is linked on its first use, on a fresh node's first connection.
     */
    private static final class Dice implements IntUnaryOperator {
        static final Dice INSTANCE = new Dice();

        @Override
        public int applyAsInt(int bound) {
            return ThreadLocalRandom.current().nextInt(bound);
        }
    }

    /**
     * One admitted connection's place in the counts; each place is given back exactly once. It
     * listens for its connection's close, which gives back both.
     */
    private final class Admission implements ChannelFutureListener {
        private boolean pendingCounted = true;
        private boolean openCounted = true;

        void authenticated() {
            if (pendingCounted) {
                pendingCounted = false;
                pending--;
            }
        }

        @Override
        public void operationComplete(ChannelFuture closed) {
            closed();
        }

        void closed() {
            authenticated();
            if (openCounted) {
                openCounted = false;
                open--;
            }
        }
    }
}
