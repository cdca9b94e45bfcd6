package dev.diag.protocol.cookie;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictModesTest {
    /** nobody: a user other than us that every Linux has; only root can give it our files. */
    static final int OTHER_UID = 65534;

    @TempDir
    Path tmp;

    @Test
    void refusesAHomeOthersCanWriteNamingThePathAndTheFix() throws Exception {
        Path home = dir("home", "rwxrwxrwx");
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> new DiagHome(home).checkModes());
        assertEquals(home + " is writable by others (mode 0777): run chmod 700 " + home, e.getMessage());
    }

    @Test
    void refusesAGroupWritableCookieDirectoryWhenTheCookieIsRead() throws Exception {
        Path home = dir("home", "rwxrwx---");
        Path cookie = home.resolve("cookie");
        Files.writeString(cookie, "secret");
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("rw-------"));

        UnsafePathException e = assertThrows(UnsafePathException.class, () -> CookieFile.load(cookie));
        assertEquals(home + " is writable by its group (mode 0770): run chmod go-w " + home, e.getMessage());
    }

    @Test
    void refusesANodesDirectoryOthersCanWrite() throws Exception {
        Path home = dir("home", "rwx------");
        Path nodes = Files.createDirectory(home.resolve("nodes"));
        Files.setPosixFilePermissions(nodes, PosixFilePermissions.fromString("rwxrwxrwx"));
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> new DiagHome(home).checkModes());
        assertEquals(nodes + " is writable by others (mode 0777): run chmod 700 " + nodes, e.getMessage());
    }

    @Test
    void refusesAHomeInsideADirectoryOthersCanWriteUnlessItIsStickyLikeTmp() throws Exception {
        Path shared = dir("shared", "rwxrwxrwx");
        Path home = Files.createDirectory(shared.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> new DiagHome(home).checkModes());
        assertEquals(shared + " is writable by others (mode 0777): run chmod go-w " + shared, e.getMessage());

        chmod("1777", shared); // others may add their own files there, but not move or remove ours
        assertDoesNotThrow(() -> new DiagHome(home).checkModes());
    }

    @Test
    void acceptsAHomeNotMadeYetInsideAPrivateDirectory() {
        assertDoesNotThrow(() -> new DiagHome(tmp.resolve("not/made/yet")).checkModes());
    }

    @Test
    void refusesACookieOwnedByAnotherUserEvenWithMode600() throws Exception {
        assumeTrue(ProcessUser.uid() == 0, "only root can give a file to another user; CI runs as root");
        Path cookie = tmp.resolve("cookie");
        Files.writeString(cookie, "their secret");
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("rw-------"));
        Files.setAttribute(cookie, "unix:uid", OTHER_UID);

        UnsafePathException e = assertThrows(UnsafePathException.class, () -> CookieFile.load(cookie));
        String owner = Files.getOwner(cookie).getName();
        assertEquals(cookie + " belongs to " + owner + ", not to root who runs diag, so " + owner
                + " could change it: run chown root " + cookie + ", or choose another DIAG_HOME", e.getMessage());
    }

    @Test
    void refusesAHomeOwnedByAnotherUserEvenWithMode700() throws Exception {
        assumeTrue(ProcessUser.uid() == 0, "only root can give a directory to another user; CI runs as root");
        Path home = dir("home", "rwx------");
        Files.setAttribute(home, "unix:uid", OTHER_UID);
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> new DiagHome(home).checkModes());
        assertEquals(true, e.getMessage().startsWith(home + " belongs to "), e.getMessage());
    }

    @Test
    void aFileIsSafeOnlyIfNoOtherUserCanWriteIt() throws Exception {
        Path file = tmp.resolve("record.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals(true, StrictModes.isSafeFile(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        assertEquals(false, StrictModes.isSafeFile(file));
    }

    private Path dir(String name, String mode) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
        return dir;
    }

    private static void chmod(String mode, Path path) throws Exception {
        assertEquals(0, new ProcessBuilder("chmod", mode, path.toString()).inheritIO().start().waitFor());
    }
}
