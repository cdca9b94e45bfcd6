package dev.diag.protocol.cookie;

import dev.diag.protocol.frame.SessionMac;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The shared secret. Only ever used as an HMAC key; {@link #toString()} never shows it, so it
 * cannot leak into a log line or an error message by accident.
 */
public final class Cookie {
    private static final byte[] FINGERPRINT_LABEL = "diag/1 cookie fingerprint".getBytes(StandardCharsets.US_ASCII);

    private final byte[] secret;

    public Cookie(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("empty cookie");
        }
        this.secret = secret.clone();
    }

    public byte[] hmac(byte[]... parts) {
        return SessionMac.hmac(secret, parts);
    }

    /**
     * Names this cookie without revealing it: HMAC-SHA256 of a fixed label under the cookie, in
     * hex. Registry records carry it, so a node's directory lists only the nodes of its own cookie;
     * learning it is no easier a way to the cookie than a recorded handshake.
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(hmac(FINGERPRINT_LABEL));
    }

    @Override
    public String toString() {
        return "Cookie[redacted]";
    }
}
