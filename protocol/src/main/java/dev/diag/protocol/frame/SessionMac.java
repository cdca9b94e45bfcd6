package dev.diag.protocol.frame;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under one key, reused across frames; constant-time comparison. */
public final class SessionMac {
    public static final int SEQ_BYTES = 8;
    public static final int MAC_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;

    public SessionMac(byte[] key) {
        try {
            mac = newMac();
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /**
     * SunJCE by name where it exists: a lookup by algorithm alone walks and loads every installed
     * provider (PKCS#11, smart cards, ...), which a one-shot client pays at start.
     */
    private static Mac newMac() throws GeneralSecurityException {
        try {
            return Mac.getInstance(ALGORITHM, "SunJCE");
        } catch (NoSuchProviderException | NoSuchAlgorithmException e) {
            return Mac.getInstance(ALGORITHM);
        }
    }

    public byte[] compute(byte[] data, int offset, int length) {
        mac.update(data, offset, length);
        return mac.doFinal();
    }

    /** One-shot HMAC over the concatenation of {@code parts}. */
    public static byte[] hmac(byte[] key, byte[]... parts) {
        SessionMac m = new SessionMac(key);
        for (byte[] part : parts) {
            m.mac.update(part);
        }
        return m.mac.doFinal();
    }

    /** Constant time in the length of the inputs: MessageDigest.isEqual does not stop early. */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
