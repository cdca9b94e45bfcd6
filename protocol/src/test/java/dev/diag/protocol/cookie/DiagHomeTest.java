package dev.diag.protocol.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagHomeTest {

    @Test
    void livesInDotDiagUnderTheUsersHome() {
        assertEquals(Path.of("/home/ops/.diag"), DiagHome.from(Map.of(), "/home/ops").dir());
    }

    @Test
    void honoursDiagHome() {
        assertEquals(Path.of("/srv/diag"), DiagHome.from(Map.of("DIAG_HOME", "/srv/diag"), "/home/ops").dir());
    }

    @Test
    void makesARelativeDiagHomeAbsolute() {
        assertEquals(Path.of("rel").toAbsolutePath(), DiagHome.from(Map.of("DIAG_HOME", "rel"), "/home/ops").dir());
    }

    @Test
    void ignoresABlankDiagHome() {
        assertEquals(Path.of("/home/ops/.diag"), DiagHome.from(Map.of("DIAG_HOME", "  "), "/home/ops").dir());
    }

    @Test
    void keepsCookieNodesAndHistoryInsideTheHome() {
        DiagHome home = new DiagHome(Path.of("/srv/diag"));
        assertEquals(Path.of("/srv/diag/cookie"), home.cookie());
        assertEquals(Path.of("/srv/diag/nodes"), home.nodes());
        assertEquals(Path.of("/srv/diag/history"), home.history());
    }

    @Test
    void prefersAnExplicitCookieFile() {
        assertEquals(Path.of("/etc/diag/cookie"), new DiagHome(Path.of("/srv/diag")).cookieFile("/etc/diag/cookie"));
    }

    @Test
    void fallsBackToTheHomesCookieFile() {
        assumeTrue(System.getenv("DIAG_COOKIE_FILE") == null, "DIAG_COOKIE_FILE is set in this environment");
        assertEquals(Path.of("/srv/diag/cookie"), new DiagHome(Path.of("/srv/diag")).cookieFile(" "));
        assertEquals(Path.of("/srv/diag/cookie"), new DiagHome(Path.of("/srv/diag")).cookieFile(null));
    }

    @Test
    void createsAMissingHomeReadableOnlyByItsOwner(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("a/.diag");
        new DiagHome(dir).create();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void leavesAnExistingHomeAsItIs(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(".diag"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        new DiagHome(dir).create();
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }
}
