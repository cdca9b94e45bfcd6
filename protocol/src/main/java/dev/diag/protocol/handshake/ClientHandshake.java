package dev.diag.protocol.handshake;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.SessionMac;
import java.security.SecureRandom;

/**
 * The client's side of the handshake: {@link #hello()}, then {@link #prove} the CHALLENGE,
 * then {@link #finish} on the WELCOME, which checks that the agent holds the cookie too.
 * Used once per connection. On a TLS connection the client binds the certificate the node
 * showed it ({@link TlsBinding}): if something in between showed another one, the node's check
 * of our proof fails.
 */
public final class ClientHandshake {
    private final Cookie cookie;
    private final byte[] hello;
    private final TlsBinding binding;
    private Transcript transcript;
    private byte[] clientProof;
    private String agentName;

    /** The handshake of a plain connection. */
    public ClientHandshake(Cookie cookie, String clientName, SecureRandom random) {
        this(cookie, clientName, random, TlsBinding.NONE);
    }

    /** {@code binding}: the certificate in our TLS session with the node, {@link TlsBinding#NONE} on a plain connection. */
    public ClientHandshake(Cookie cookie, String clientName, SecureRandom random, TlsBinding binding) {
        this.cookie = cookie;
        this.binding = binding;
        byte[] nonce = new byte[HandshakeMessage.NONCE_BYTES];
        random.nextBytes(nonce);
        this.hello = new HandshakeMessage.Hello(HandshakeMessage.VERSION, nonce, clientName).encode();
    }

    public byte[] hello() {
        return hello.clone();
    }

    /** Answers the agent's CHALLENGE with our PROOF, or explains its REJECT. */
    public byte[] prove(byte[] challengeBody) throws HandshakeException {
        HandshakeMessage message = HandshakeMessage.decode(challengeBody);
        if (message instanceof HandshakeMessage.Reject reject) {
            throw refusal(reject);
        }
        if (!(message instanceof HandshakeMessage.Challenge challenge)) {
            throw new MalformedHandshakeException("expected CHALLENGE from the agent");
        }
        if (challenge.version() != HandshakeMessage.VERSION) {
            throw new HandshakeException(HandshakeException.Failure.VERSION,
                    "the node speaks diag protocol " + challenge.version() + ", this shell speaks "
                            + HandshakeMessage.VERSION);
        }
        transcript = new Transcript(hello, challengeBody, binding);
        clientProof = transcript.clientProof(cookie);
        return new HandshakeMessage.Proof(clientProof).encode();
    }

    /** Checks the agent's WELCOME; only then is the agent's name worth believing. */
    public SessionKeys finish(byte[] welcomeBody) throws HandshakeException {
        if (transcript == null) {
            throw new IllegalStateException("finish before prove");
        }
        HandshakeMessage message = HandshakeMessage.decode(welcomeBody);
        if (message instanceof HandshakeMessage.Reject reject) {
            throw refusal(reject);
        }
        if (!(message instanceof HandshakeMessage.Welcome welcome)) {
            throw new MalformedHandshakeException("expected WELCOME from the agent");
        }
        if (!SessionMac.equal(transcript.agentProof(cookie, clientProof, welcome.name()), welcome.mac())) {
            throw new HandshakeException(HandshakeException.Failure.AGENT_NOT_AUTHENTIC,
                    "the node could not prove that it holds our cookie");
        }
        agentName = welcome.name();
        return transcript.sessionKeys(cookie);
    }

    /** The name the agent proved in its WELCOME; null before {@link #finish} succeeds. */
    public String agentName() {
        return agentName;
    }

    private static HandshakeException refusal(HandshakeMessage.Reject reject) {
        return switch (reject.reason()) {
            case BAD_PROOF -> new HandshakeException(HandshakeException.Failure.WRONG_COOKIE,
                    "the node refused our cookie");
            case VERSION -> new HandshakeException(HandshakeException.Failure.VERSION,
                    "the node refused our protocol version: " + reject.text());
            case TLS_REQUIRED -> new HandshakeException(HandshakeException.Failure.TLS_REQUIRED,
                    "the node accepts only TLS connections from here");
            default -> new MalformedHandshakeException("the node refused the handshake: " + reject.text());
        };
    }
}
