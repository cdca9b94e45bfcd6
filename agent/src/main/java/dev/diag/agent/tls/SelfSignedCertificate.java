package dev.diag.agent.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A minimal self-signed X.509 v3 certificate for an EC P-256 key, signed SHA256withECDSA, built
 * with {@link Der} because the JDK has no public API to make one (sun.security.x509 is internal,
 * and spawning keytool from inside somebody's JVM is out of the question). No extensions: nobody
 * checks it against a CA; its SHA-256 is what the cookie handshake binds.
 *
 * <pre>
 * Certificate  ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }
 * TBSCertificate ::= SEQUENCE { [0] version v3, serialNumber, signature, issuer, validity,
 *                               subject, subjectPublicKeyInfo }
 * </pre>
 *
 * Costs one signature, about a millisecond, once per node name (the result is kept on disk).
 */
final class SelfSignedCertificate {
    /** ecdsa-with-SHA256 (RFC 5758): the AlgorithmIdentifier has no parameters. */
    static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    static final String COMMON_NAME = "2.5.4.3";
    /** RFC 5280 4.1.2.5: "no well-defined expiration date". */
    static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private SelfSignedCertificate() {
    }

    /**
     * Issued to and by {@code commonName}, valid from a day before {@code now} (a peer's clock may
     * run behind; nobody checks, but tools print it) with no end.
     */
    static X509Certificate create(KeyPair keys, String commonName, Instant now, SecureRandom random)
            throws GeneralSecurityException {
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(127, random).setBit(126)), // positive, 16 bytes, RFC 5280 allows 20
                algorithm,
                name,
                Der.sequence(Der.time(now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)), Der.time(NO_EXPIRY)),
                name,
                keys.getPublic().getEncoded()); // already a DER SubjectPublicKeyInfo
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate(), random);
        signer.update(tbs);
        byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign())); // sign() is DER already
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    }
}
