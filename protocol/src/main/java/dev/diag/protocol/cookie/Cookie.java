package dev.diag.protocol.cookie;

import dev.diag.protocol.frame.SessionMac;

/**
 * The shared secret. Only ever used as an HMAC key; {@link #toString()} never shows it, so it
 * cannot leak into a log line or an error message by accident.
 */
public final class Cookie {
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

    @Override
    public String toString() {
        return "Cookie[redacted]";
    }
}
