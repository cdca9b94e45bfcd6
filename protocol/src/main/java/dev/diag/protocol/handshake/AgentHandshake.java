package dev.diag.protocol.handshake;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.SessionMac;
import java.security.SecureRandom;

/**
 * The agent's side of the handshake: {@link #challenge} the HELLO, then {@link #verify} the
 * PROOF. The agent proves itself, and says its name, only after the client has proved it holds
 * the cookie, so a client without the cookie learns nothing but "refused". On failure {@link AgentHandshakeException#reply()} is the
 * REJECT body to send before closing.
 */
public final class AgentHandshake {
    private final Cookie cookie;
    private final String agentName;
    private final SecureRandom random;
    private Transcript transcript;
    private String clientName;

    public AgentHandshake(Cookie cookie, String agentName, SecureRandom random) {
        this.cookie = cookie;
        this.agentName = agentName;
        this.random = random;
    }

    public byte[] challenge(byte[] helloBody) throws AgentHandshakeException {
        if (transcript != null) {
            throw new AgentHandshakeException(HandshakeException.Failure.MALFORMED, RejectReason.MALFORMED,
                    "a second HELLO");
        }
        HandshakeMessage.Hello hello = expect(helloBody, HandshakeMessage.Hello.class);
        if (hello.version() != HandshakeMessage.VERSION) {
            throw new AgentHandshakeException(HandshakeException.Failure.VERSION, RejectReason.VERSION,
                    "agent speaks diag protocol " + HandshakeMessage.VERSION);
        }
        byte[] nonce = new byte[HandshakeMessage.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] challenge = new HandshakeMessage.Challenge(HandshakeMessage.VERSION, nonce).encode();
        transcript = new Transcript(helloBody, challenge);
        clientName = hello.name();
        return challenge;
    }

    /** Checks the client's PROOF; returns the WELCOME body and the session keys. */
    public Accepted verify(byte[] proofBody) throws AgentHandshakeException {
        if (transcript == null) {
            throw new AgentHandshakeException(HandshakeException.Failure.MALFORMED, RejectReason.MALFORMED,
                    "PROOF before HELLO");
        }
        HandshakeMessage.Proof proof = expect(proofBody, HandshakeMessage.Proof.class);
        if (!SessionMac.equal(transcript.clientProof(cookie), proof.mac())) {
            throw new AgentHandshakeException(HandshakeException.Failure.WRONG_COOKIE, RejectReason.BAD_PROOF,
                    "proof does not match this node's cookie");
        }
        byte[] welcome = new HandshakeMessage.Welcome(transcript.agentProof(cookie, proof.mac(), agentName), agentName)
                .encode();
        return new Accepted(welcome, transcript.sessionKeys(cookie), clientName);
    }

    /**
     * A client that proved it holds the cookie. {@code clientName} is the name it gave in HELLO
     * (the Java shell's is {@code diag-shell USER}): said by a holder of the cookie, not proved.
     */
    public record Accepted(byte[] welcome, SessionKeys keys, String clientName) {
    }

    private static <T extends HandshakeMessage> T expect(byte[] body, Class<T> type) throws AgentHandshakeException {
        HandshakeMessage message;
        try {
            message = HandshakeMessage.decode(body);
        } catch (MalformedHandshakeException e) {
            throw new AgentHandshakeException(HandshakeException.Failure.MALFORMED, RejectReason.MALFORMED,
                    e.getMessage());
        }
        if (!type.isInstance(message)) {
            throw new AgentHandshakeException(HandshakeException.Failure.MALFORMED, RejectReason.MALFORMED,
                    "expected " + type.getSimpleName().toUpperCase());
        }
        return type.cast(message);
    }
}
