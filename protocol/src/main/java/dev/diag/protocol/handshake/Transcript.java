package dev.diag.protocol.handshake;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.SessionMac;
import java.nio.charset.StandardCharsets;

/**
 * The cryptography of the handshake, in one place so client and agent cannot drift apart.
 * The transcript is the HELLO body followed by the CHALLENGE body, exactly as sent.
 *
 * <pre>
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

    Transcript(byte[] hello, byte[] challenge) {
        this.hello = hello;
        this.challenge = challenge;
    }

    byte[] clientProof(Cookie cookie) {
        return cookie.hmac(label("client proof"), hello, challenge);
    }

    /** Covers the agent's name too, so the name in WELCOME is as authentic as the proof. */
    byte[] agentProof(Cookie cookie, byte[] clientProof, String agentName) {
        byte[] name = agentName.getBytes(StandardCharsets.US_ASCII);
        return cookie.hmac(label("agent proof"), hello, challenge, clientProof, new byte[] {(byte) name.length}, name);
    }

    SessionKeys sessionKeys(Cookie cookie) {
        byte[] session = cookie.hmac(label("session"), hello, challenge);
        return new SessionKeys(
                SessionMac.hmac(session, label("client to agent")),
                SessionMac.hmac(session, label("agent to client")));
    }

    private static byte[] label(String what) {
        return ("diag/" + HandshakeMessage.VERSION + " " + what).getBytes(StandardCharsets.US_ASCII);
    }
}
