package dev.diag.protocol.handshake;

import dev.diag.protocol.cookie.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Real handshakes run in memory, for tests that need an authenticated session. */
public final class Handshakes {
    private Handshakes() {
    }

    public static Cookie cookie(String secret) {
        return new Cookie(secret.getBytes(StandardCharsets.US_ASCII));
    }

    /** Both ends' keys after a successful handshake under {@code cookie}. */
    public record Session(SessionKeys client, SessionKeys agent) {
    }

    public static Session complete(Cookie cookie) throws HandshakeException {
        ClientHandshake client = new ClientHandshake(cookie, "shell", new SecureRandom());
        AgentHandshake agent = new AgentHandshake(cookie, "orders", new SecureRandom());
        AgentHandshake.Accepted accepted = agent.verify(client.prove(agent.challenge(client.hello())));
        return new Session(client.finish(accepted.welcome()), accepted.keys());
    }
}
