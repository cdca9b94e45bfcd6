package dev.diag.protocol.handshake;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.SessionMac;
import java.security.SecureRandom;

/**
 * The agent's side of the handshake: {@link #challenge} the HELLO, then {@link #verify} the
 * PROOF. The agent proves itself, and says its name, only after the client has proved it holds
 * the cookie, so a client without the cookie learns nothing but "refused". On failure {@link AgentHandshakeException#reply()} is the
 * REJECT body to send before closing. On a TLS connection the agent binds its own certificate
 * into the transcript ({@link TlsBinding}).
 */
public final class AgentHandshake {
    private final Cookie cookie;
    private final String agentName;
    private final SecureRandom random;
    private TlsBinding binding;
    private Transcript transcript;
    private String clientName;

    /** The handshake of a plain connection. */
    public AgentHandshake(Cookie cookie, String agentName, SecureRandom random) {
        this(cookie, agentName, random, TlsBinding.NONE);
    }

    /** {@code binding}: the agent's own certificate on a TLS connection, {@link TlsBinding#NONE} on a plain one. */
    public AgentHandshake(Cookie cookie, String agentName, SecureRandom random, TlsBinding binding) {
        this.cookie = cookie;
        this.agentName = agentName;
        this.random = random;
        this.binding = binding;
    }

    /**
     * The connection turned out to be TLS (the agent learns it from the client's first byte,
     * before any HELLO): bind {@code ownCertificate}, the agent's own, into the transcript.
     */
    public void overTls(TlsBinding ownCertificate) {
        if (transcript != null) {
            throw new IllegalStateException("the transport is settled before HELLO");
        }
        binding = ownCertificate;
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
        transcript = new Transcript(helloBody, challenge, binding);
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
