package dev.diag.protocol.handshake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a TLS connection adds to the handshake transcript: the SHA-256 fingerprint of the
 * certificate the connection actually used (the agent's own; the one the client saw in its
 * session). Nobody checks the certificate against a CA; the cookie proof does that work: a man
 * in the middle must show the client a certificate of its own (it lacks the node's private
 * key), so the two sides mix different fingerprints, and without the cookie it cannot compute
 * the proofs for either side. {@link #NONE} is a plain connection: its transcript is exactly the
 * one of protocol version 1 before TLS existed, so old shells keep working over loopback.
 *
 * <pre>
 * tls-binding = "diag/1 tls certificate sha-256" || SHA-256(certificate DER)    (32 bytes)
 * </pre>
 */
public final class TlsBinding {
    public static final TlsBinding NONE = new TlsBinding(null);
    public static final int FINGERPRINT_BYTES = 32;

    private final byte[] fingerprint;

    private TlsBinding(byte[] fingerprint) {
        this.fingerprint = fingerprint;
    }

    /** The binding of a connection whose TLS certificate is {@code certificateDer}. */
    public static TlsBinding ofCertificate(byte[] certificateDer) {
        return new TlsBinding(sha256(certificateDer));
    }

    /** The SHA-256 of a certificate's DER encoding, as {@code openssl x509 -fingerprint -sha256} shows it. */
    public static byte[] sha256(byte[] certificateDer) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificateDer);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e); // required of every Java platform
        }
    }

    public boolean isTls() {
        return fingerprint != null;
    }

    /** The transcript parts this binding adds: none for a plain connection. */
    byte[][] parts(byte[] label) {
        return fingerprint == null ? new byte[0][] : new byte[][] {label, fingerprint.clone()};
    }

    /** "SHA256:AB:CD:..." as openssl prints it; "plain" for no TLS. */
    @Override
    public String toString() {
        return fingerprint == null ? "plain" : "SHA256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(fingerprint);
    }
}
