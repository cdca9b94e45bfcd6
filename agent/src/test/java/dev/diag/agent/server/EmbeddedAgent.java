package dev.diag.agent.server;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.diag.agent.functions.Functions;
import dev.diag.protocol.cookie.Cookie;

/**
 * The production connection pipeline, without sockets: one {@link DiagChannelInitializer} (shared
 * by every connection, as ServerBootstrap shares it) and its {@link CallExecutor}. Each
 * {@link #connect()} is a fresh {@link EmbeddedConnection} with the time frozen, so the
 * handshake deadline moves only when a test advances it.
 */
final class EmbeddedAgent implements AutoCloseable {
    static final String NAME = "orders";
    static final int MAX_FRAME = 64 * 1024;
    static final Cookie COOKIE = cookie("embedded agent test cookie");

    private final CallExecutor executor = new CallExecutor();
    private final TempAuditLog audit = new TempAuditLog();
    private final DiagChannelInitializer initializer;

    EmbeddedAgent() {
        this(Functions.all());
    }

    EmbeddedAgent(Functions functions) {
        initializer = new DiagChannelInitializer(NAME, COOKIE, MAX_FRAME, functions, executor, audit.log(),
                new RefusalLog());
    }

    static Cookie cookie(String secret) {
        return new Cookie(secret.getBytes(US_ASCII));
    }

    /** A new connection whose client holds the agent's cookie. */
    EmbeddedConnection connect() {
        return connect(COOKIE);
    }

    /** A new connection whose client holds {@code clientCookie}. */
    EmbeddedConnection connect(Cookie clientCookie) {
        return new EmbeddedConnection(initializer, clientCookie);
    }

    @Override
    public void close() {
        executor.shutdown();
        audit.close();
    }
}
