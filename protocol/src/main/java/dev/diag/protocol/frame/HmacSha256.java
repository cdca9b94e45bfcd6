package dev.diag.protocol.frame;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) over the JDK's SHA-256 MessageDigest. The JCE {@code Mac} computes the
 * same bytes, but its first use parses the crypto policy and loads every security provider,
 * about 9 ms of a one-shot call's 70 here; SHA-256 comes from the always-present SUN provider.
 * {@code HmacSha256Test} checks it against RFC 4231's vectors and against {@code Mac}.
 * Not thread-safe; reusable after {@link #doFinal()}.
 */
final class HmacSha256 {
    private static final int BLOCK = 64;
    /** Only cloned, never updated, so threads may share it. */
    private static final MessageDigest PROTOTYPE = newSha256();

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] innerHash = new byte[32];

    HmacSha256(byte[] key) {
        inner = sha256();
        outer = sha256();
        byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
        inner.update(innerPad);
    }

    void update(byte[] data, int offset, int length) {
        inner.update(data, offset, length);
    }

    void update(byte[] data) {
        inner.update(data);
    }

    byte[] doFinal() {
        byte[] innerHash = inner.digest();
        inner.update(innerPad);
        outer.update(outerPad);
        return outer.digest(innerHash);
    }

    /** As {@link #doFinal()}, into {@code out} at {@code at}: no array per MAC. */
    void doFinalInto(byte[] out, int at) {
        try {
            inner.digest(innerHash, 0, innerHash.length);
            inner.update(innerPad);
            outer.update(outerPad);
            outer.update(innerHash);
            outer.digest(out, at, innerHash.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte digest buffer", e);
        }
    }

    /**
     * A fresh digest, cloned from one never used: a handshake makes several, and each
     * {@code getInstance} finds the provider and builds the digest by reflection, which on JDK 17
     * turns into generating an accessor class at the 16th call, on a fresh node's first one.
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256(); // a provider whose digest cannot be cloned
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

}
