package dev.diag.agent.server;

import dev.diag.agent.functions.Functions;
import dev.diag.agent.tls.ServerTls;
import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.handshake.AgentHandshake;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import java.net.UnixDomainSocketAddress;
import java.security.SecureRandom;

/**
 * Builds each connection's pipeline, and knows its order; TCP and Unix-domain connections alike.
 *
 * <pre>
 * before authentication:  FrameDecoder(4 KiB) → FrameEncoder → HandshakeHandler
 * after:                  FrameDecoder(cap)   → FrameEncoder → FrameAuthenticator → MessageCodecHandler → CallDispatcher
 * </pre>
 *
 * Framing first, so every byte is bounded before anything interprets it; the handshake is the
 * last handler until it succeeds, so nothing behind it can see an unauthenticated frame; the
 * authenticator sits below the codec, so only checked payloads are ever parsed as JSON.
 * On a node that speaks TLS a {@link TransportSniffer} comes first and becomes the TLS handler
 * (or steps aside for a plain peer it lets through), so framing reads decrypted bytes.
 */
final class DiagChannelInitializer extends ChannelInitializer<Channel> {
    private final String agentName;
    private final Cookie cookie;
    private final int maxFrame;
    private final Functions functions;
    private final CallExecutor executor;
    private final AuditLog audit;
    private final ServerTls tls;
    private final RefusalLog refusals;
    private final SecureRandom random = new SecureRandom();

    /** A node that speaks only plaintext. */
    DiagChannelInitializer(String agentName, Cookie cookie, int maxFrame, Functions functions, CallExecutor executor,
            AuditLog audit, RefusalLog refusals) {
        this(agentName, cookie, maxFrame, functions, executor, audit, refusals, null);
    }

    /** {@code tls}: null on a node that speaks only plaintext; {@code refusals}: the node's one voice. */
    DiagChannelInitializer(String agentName, Cookie cookie, int maxFrame, Functions functions, CallExecutor executor,
            AuditLog audit, RefusalLog refusals, ServerTls tls) {
        this.tls = tls;
        this.refusals = refusals;
        this.agentName = agentName;
        this.cookie = cookie;
        this.maxFrame = maxFrame;
        this.functions = functions;
        this.executor = executor;
        this.audit = audit;
    }

    @Override
    protected void initChannel(Channel channel) {
        FrameDecoder decoder = new FrameDecoder();
        AgentHandshake handshake = new AgentHandshake(cookie, agentName, random);
        // A Unix-domain socket is plaintext always: it never leaves the host, and only its owner can open it
        if (tls != null && !(channel.localAddress() instanceof UnixDomainSocketAddress)) {
            channel.pipeline().addLast("transport", new TransportSniffer(tls, handshake, refusals));
        }
        channel.pipeline()
                .addLast("frame-decoder", decoder)
                .addLast("frame-encoder", FrameEncoder.INSTANCE)
                .addLast("handshake", new HandshakeHandler(handshake, new Session(decoder), refusals));
    }

    /**
     * One connection's session, put in place once its client is authenticated. A class rather
     * than a lambda: a lambda is linked on its first use, on a fresh node's first connection.
     */
    private final class Session implements HandshakeHandler.SessionInstaller {
        private final FrameDecoder decoder;

        Session(FrameDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public void install(ChannelHandlerContext handshake, AgentHandshake.Accepted accepted) {
            decoder.raiseLimit(maxFrame);
            ChannelPipeline pipeline = handshake.pipeline();
            pipeline.addLast("authenticator", new FrameAuthenticator(accepted.keys().agentOpener(),
                            accepted.keys().agentSealer(), refusals))
                    .addLast("message-codec", new MessageCodecHandler())
                    .addLast("dispatcher", new CallDispatcher(functions, executor,
                            Caller.of(accepted.clientName(), handshake.channel().remoteAddress()), audit));
        }
    }
}
