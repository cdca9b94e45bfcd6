package dev.diag.agent.tls;

import dev.diag.protocol.cookie.StrictModes;
import dev.diag.protocol.handshake.TlsBinding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Set;

/**
 * A node's TLS key (EC P-256) and self-signed certificate, kept in one file,
 * {@code DIAG_HOME/tls/NAME.pem} (mode 600: whoever reads the key can sit between shell and
 * node unnoticed, cookie or not). Made on the node's first TLS start, created atomically as the
 * cookie is: written to a private temporary file, then linked into place, so two first starts
 * never disagree. {@code openssl x509 -in NAME.pem -noout -text -fingerprint -sha256} shows it.
 */
public record NodeIdentity(PrivateKey key, X509Certificate certificate) {
    /** Every node's certificate says only this: the node's name is for holders of the cookie (WELCOME). */
    static final String COMMON_NAME = "diag node";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final int MAX_BYTES = 16 * 1024;

    /** What this node binds into the handshake transcript of its TLS connections. */
    public TlsBinding binding() {
        try {
            return TlsBinding.ofCertificate(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate we parsed has an encoding", e);
        }
    }

    /** Reads {@code file}, making a new key and certificate there first if it does not exist. */
    public static NodeIdentity loadOrCreate(Path file, SecureRandom random) throws IOException {
        try {
            return load(file);
        } catch (NoSuchFileException missing) {
            create(file, random);
            return load(file);
        }
    }

    static NodeIdentity load(Path file) throws IOException {
        StrictModes.checkFile(file); // owned by us or root, and its directories too, as every file in DIAG_HOME
        if (!Files.isRegularFile(file)) {
            Files.readAttributes(file, "size"); // a missing file says NoSuchFileException, as callers expect
            throw new IOException("the TLS key file " + file + " is not a regular file; remove it, and the node "
                    + "makes a new key");
        }
        checkOwnerOnly(file);
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("the TLS key file " + file + " is larger than " + MAX_BYTES + " bytes; remove it, "
                    + "and the node makes a new key");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                    Pem.decode(text, "PRIVATE KEY").orElseThrow(() -> new GeneralSecurityException("no private key"))));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Pem.decode(text, "CERTIFICATE")
                            .orElseThrow(() -> new GeneralSecurityException("no certificate"))));
            checkPair(key, certificate);
            return new NodeIdentity(key, certificate);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the TLS key file " + file + " cannot be used (" + e.getMessage() + "); remove it, "
                    + "and the node makes a new key");
        }
    }

    /** A key and certificate that do not belong together would fail every connection: refuse at start. */
    private static void checkPair(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        byte[] probe = "diag key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("its key and certificate do not belong together");
        }
    }

    private static void checkOwnerOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return; // no POSIX modes here (Windows): nothing to check against
        }
        for (PosixFilePermission p : posix.readAttributes().permissions()) {
            if (!p.name().startsWith("OWNER_")) {
                throw new IOException("the TLS key file " + file + " may be read or changed by others; run: chmod 600 "
                        + file + ", or remove it and the node makes a new key");
            }
        }
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = SelfSignedCertificate.create(keys, COMMON_NAME, Instant.now(), random);
            temp = Files.createTempFile(dir, ".tls", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(temp, Pem.encode("PRIVATE KEY", keys.getPrivate().getEncoded())
                    + Pem.encode("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // another start of this node made it between our read and our link: use theirs
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make a TLS key: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
