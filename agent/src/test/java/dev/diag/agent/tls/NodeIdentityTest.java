package dev.diag.agent.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {
    @TempDir
    Path tmp;

    @Test
    void isMadeOnFirstUseOwnerOnlyAndTheSameOnTheNextStart() throws Exception {
        Path file = tmp.resolve("home/tls/orders.pem");

        NodeIdentity first = NodeIdentity.loadOrCreate(file, new SecureRandom());
        NodeIdentity again = NodeIdentity.loadOrCreate(file, new SecureRandom());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(first.binding().toString(), again.binding().toString());
        assertEquals("CN=diag node", first.certificate().getSubjectX500Principal().getName());
        assertEquals("EC", first.key().getAlgorithm());
        try (var leftovers = Files.list(file.getParent())) {
            assertEquals(1, leftovers.count(), "no temporary file is left behind");
        }
    }

    @Test
    void eachNodeNameHasItsOwnKey() throws Exception {
        NodeIdentity orders = NodeIdentity.loadOrCreate(tmp.resolve("orders.pem"), new SecureRandom());
        NodeIdentity billing = NodeIdentity.loadOrCreate(tmp.resolve("billing.pem"), new SecureRandom());
        assertFalse(orders.binding().toString().equals(billing.binding().toString()));
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        Path file = tmp.resolve("orders.pem");
        NodeIdentity.loadOrCreate(file, new SecureRandom());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        IOException e = assertThrows(IOException.class, () -> NodeIdentity.loadOrCreate(file, new SecureRandom()));
        assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
    }

    /** Strict modes, as for every file in DIAG_HOME: a tls/ directory others can write is planted ground. */
    @Test
    void refusesAKeyInADirectoryOthersCanWrite() throws Exception {
        Path file = tmp.resolve("tls/orders.pem");
        NodeIdentity.loadOrCreate(file, new SecureRandom());
        Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));

        IOException e = assertThrows(IOException.class, () -> NodeIdentity.loadOrCreate(file, new SecureRandom()));
        assertTrue(e.getMessage().contains(file.getParent().toString()), e.getMessage());
    }

    @Test
    void refusesAKeyThatIsNotTheCertificatesOwn() throws Exception {
        Path file = tmp.resolve("orders.pem");
        String key = Pem.encode("PRIVATE KEY", SelfSignedCertificateTest.p256().getPrivate().getEncoded());
        String certificate = Pem.encode("CERTIFICATE", SelfSignedCertificate.create(SelfSignedCertificateTest.p256(),
                "diag node", Instant.now(), new SecureRandom()).getEncoded());
        write(file, key + certificate);

        IOException e = assertThrows(IOException.class, () -> NodeIdentity.loadOrCreate(file, new SecureRandom()));
        assertTrue(e.getMessage().contains("do not belong together"), e.getMessage());
        assertTrue(e.getMessage().contains("remove it"), e.getMessage());
    }

    @Test
    void refusesAFileThatHoldsNoKey() throws Exception {
        Path file = tmp.resolve("orders.pem");
        write(file, "not a key\n");

        IOException e = assertThrows(IOException.class, () -> NodeIdentity.loadOrCreate(file, new SecureRandom()));
        assertTrue(e.getMessage().startsWith("the TLS key file " + file + " cannot be used"), e.getMessage());
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
