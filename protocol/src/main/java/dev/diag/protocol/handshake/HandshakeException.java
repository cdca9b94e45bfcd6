package dev.diag.protocol.handshake;

import java.io.IOException;

/**
 * A handshake that cannot complete. {@link #failure()} tells the caller which plain sentence
 * to show: a wrong cookie and an unreachable node are different problems with different fixes.
 */
public class HandshakeException extends IOException {
    public enum Failure {
        /** The agent says our proof does not match its cookie. */
        WRONG_COOKIE,
        /** The agent's answer does not prove it holds our cookie (not the node we meant, or an impostor). */
        AGENT_NOT_AUTHENTIC,
        VERSION,
        MALFORMED,
        /** The node refused a plain connection: it accepts only TLS from this peer. */
        TLS_REQUIRED
    }

    private final Failure failure;

    public HandshakeException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
