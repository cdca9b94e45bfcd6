package dev.diag.protocol.handshake;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.SessionMac;
import java.nio.charset.StandardCharsets;

/**
 * The cryptography of the handshake, in one place so client and agent cannot drift apart.
 * The transcript is the HELLO body followed by the CHALLENGE body, exactly as sent, and on a
 * TLS connection the binding of the certificate that connection used ({@link TlsBinding}); on a
 * plain connection the binding adds nothing, so its transcript is unchanged. HELLO ends where its
 * name length says and CHALLENGE has a fixed length, so a TLS transcript can never read as a
 * plain one.
 *
 * <pre>
 * transcript   = hello || challenge [ || "diag/1 tls certificate sha-256" || SHA-256(certificate) ]
 * client proof = HMAC(cookie, "diag/1 client proof" || transcript)
 * agent proof  = HMAC(cookie, "diag/1 agent proof"  || transcript || client proof || nameLen u8 || name)
 * session      = HMAC(cookie, "diag/1 session"      || transcript)
 * key c->a     = HMAC(session, "diag/1 client to agent")
 * key a->c     = HMAC(session, "diag/1 agent to client")
 * </pre>
 */
final class Transcript {
    private final byte[] hello;
    private final byte[] challenge;
    private final byte[][] binding;

    /** A plain connection's transcript. */
    Transcript(byte[] hello, byte[] challenge) {
        this(hello, challenge, TlsBinding.NONE);
    }

    Transcript(byte[] hello, byte[] challenge, TlsBinding binding) {
        this.hello = hello;
        this.challenge = challenge;
        this.binding = binding.parts(label("tls certificate sha-256"));
    }

    byte[] clientProof(Cookie cookie) {
        return cookie.hmac(parts(label("client proof")));
    }

    /** Covers the agent's name too, so the name in WELCOME is as authentic as the proof. */
    byte[] agentProof(Cookie cookie, byte[] clientProof, String agentName) {
        byte[] name = agentName.getBytes(StandardCharsets.US_ASCII);
        return cookie.hmac(parts(label("agent proof"), clientProof, new byte[] {(byte) name.length}, name));
    }

    SessionKeys sessionKeys(Cookie cookie) {
        byte[] session = cookie.hmac(parts(label("session")));
        return new SessionKeys(
                SessionMac.hmac(session, label("client to agent")),
                SessionMac.hmac(session, label("agent to client")));
    }

    /** label || hello || challenge || binding || after: the HMAC input, in parts. */
    private byte[][] parts(byte[] label, byte[]... after) {
        byte[][] parts = new byte[3 + binding.length + after.length][];
        parts[0] = label;
        parts[1] = hello;
        parts[2] = challenge;
        System.arraycopy(binding, 0, parts, 3, binding.length);
        System.arraycopy(after, 0, parts, 3 + binding.length, after.length);
        return parts;
    }

    private static byte[] label(String what) {
        return ("diag/" + HandshakeMessage.VERSION + " " + what).getBytes(StandardCharsets.US_ASCII);
    }
}
