package dev.diag.protocol.frame;

import java.security.MessageDigest;

/** HMAC-SHA256 under one key, reused across frames; constant-time comparison. */
public final class SessionMac {
    public static final int SEQ_BYTES = 8;
    public static final int MAC_BYTES = 32;
    private final HmacSha256 mac;

    public SessionMac(byte[] key) {
        mac = new HmacSha256(key);
    }

    public byte[] compute(byte[] data, int offset, int length) {
        mac.update(data, offset, length);
        return mac.doFinal();
    }

    /** The MAC of {@code data[offset .. offset+length)}, written into {@code out} at {@code at}. */
    public void computeInto(byte[] data, int offset, int length, byte[] out, int at) {
        mac.update(data, offset, length);
        mac.doFinalInto(out, at);
    }

    /** One-shot HMAC over the concatenation of {@code parts}. */
    public static byte[] hmac(byte[] key, byte[]... parts) {
        HmacSha256 m = new HmacSha256(key);
        for (byte[] part : parts) {
            m.update(part);
        }
        return m.doFinal();
    }

    /** Constant time in the length of the inputs: MessageDigest.isEqual does not stop early. */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
