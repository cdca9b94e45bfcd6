package dev.diag.agent.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diag.protocol.handshake.TlsBinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
    private static final Instant NOW = Instant.parse("2026-12-07T04:15:30.123Z");

    @TempDir
    Path tmp;

    @Test
    void theJdkParsesItAndItsSignatureVerifiesUnderItsOwnKey() throws Exception {
        KeyPair keys = p256();
        X509Certificate certificate = SelfSignedCertificate.create(keys, "diag node", NOW, new SecureRandom());

        certificate.verify(keys.getPublic()); // throws if the signature or the encoding is wrong
        assertEquals(3, certificate.getVersion());
        assertEquals("CN=diag node", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
        assertArrayEquals(keys.getPublic().getEncoded(), certificate.getPublicKey().getEncoded());
        assertEquals(Instant.parse("2026-12-06T04:15:30Z"), certificate.getNotBefore().toInstant());
        assertEquals(SelfSignedCertificate.NO_EXPIRY, certificate.getNotAfter().toInstant());
        assertTrue(certificate.getSerialNumber().signum() > 0);
        assertNull(certificate.getExtensionValue("2.5.29.19"));
    }

    @Test
    void anotherKeyDoesNotVerifyIt() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.create(p256(), "diag node", NOW, new SecureRandom());
        assertThrows(SignatureException.class, () -> certificate.verify(p256().getPublic()));
    }

    @Test
    void opensslReadsItAndAgreesOnTheFingerprint() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "no openssl on this machine");
        X509Certificate certificate = SelfSignedCertificate.create(p256(), "diag node", NOW, new SecureRandom());
        Path pem = tmp.resolve("node.crt");
        Files.writeString(pem, Pem.encode("CERTIFICATE", certificate.getEncoded()));

        String text = openssl("x509", "-in", pem.toString(), "-noout", "-text", "-fingerprint", "-sha256");

        assertTrue(text.contains("Version: 3 (0x2)"), text);
        assertTrue(text.contains("Signature Algorithm: ecdsa-with-SHA256"), text);
        assertTrue(text.contains("Subject: CN = diag node") || text.contains("Subject: CN=diag node"), text);
        assertTrue(text.contains("NIST CURVE: P-256") || text.contains("ASN1 OID: prime256v1"), text);
        assertTrue(text.contains("Not After : Dec 31 23:59:59 9999 GMT"), text);
        String fingerprint = TlsBinding.ofCertificate(certificate.getEncoded()).toString().substring("SHA256:".length());
        assertTrue(text.contains(fingerprint), text);
        openssl("verify", "-CAfile", pem.toString(), pem.toString()); // self-signed: it is its own CA
    }

    static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String openssl(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "/usr/bin/openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
