package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diag.protocol.cookie.CookieFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * StrictModes with real target JVMs and the real bin/diag: a home, cookie or registry another
 * local user could change is refused with one sentence naming the path and the fix; the agent
 * does not start (the application runs on), the shell exits 4. The other user is nobody (65534):
 * as root the test gives it the files it would have planted; as anyone else those cases are
 * skipped (CI runs as root).
 */
class StrictModesIT {
    private static final int NOBODY = 65534;
    private static final boolean ROOT = System.getProperty("user.name").equals("root");

    @Test
    void aHomeAnotherUserOwnsIsRefusedThoughItsModesLookPrivate() throws Exception {
        assumeTrue(ROOT, "only root can plant a home owned by another user; CI runs as root");
        try (DiagHomeDir test = new DiagHomeDir()) {
            Path planted = privateDir(test.path().resolve("planted"));
            Path cookie = planted.resolve("cookie");
            CookieFile.loadOrCreate(cookie);
            Path nodes = Files.createDirectory(planted.resolve("nodes"));
            Files.setPosixFilePermissions(nodes, PosixFilePermissions.fromString("rwxrwxrwx"));
            for (Path p : List.of(planted, cookie, nodes)) {
                Files.setAttribute(p, "unix:uid", NOBODY);
            }
            String owner = Files.getOwner(planted).getName();

            assertRefused(test, "home=" + planted, planted + " belongs to " + owner + ", not to root who runs diag, so "
                    + owner + " could change it: run chown root " + planted + ", or choose another DIAG_HOME");
        }
    }

    @Test
    void aCookieAnotherUserOwnsIsRefusedThoughItsModeIs600() throws Exception {
        assumeTrue(ROOT, "only root can give a cookie to another user; CI runs as root");
        try (DiagHomeDir test = new DiagHomeDir()) {
            Path home = privateDir(test.path().resolve("home"));
            Path cookie = home.resolve("cookie");
            CookieFile.loadOrCreate(cookie);
            Files.setAttribute(cookie, "unix:uid", NOBODY);
            String owner = Files.getOwner(cookie).getName();

            assertRefused(test, "home=" + home, cookie + " belongs to " + owner);
        }
    }

    @Test
    void aGroupWritableHomeIsRefused() throws Exception {
        try (DiagHomeDir test = new DiagHomeDir()) {
            Path home = privateDir(test.path().resolve("home"));
            CookieFile.loadOrCreate(home.resolve("cookie"));
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwx---"));

            assertRefused(test, "home=" + home, home + " is writable by its group (mode 0770): run chmod 700 " + home);
        }
    }

    @Test
    void aNodesDirectoryOthersCanWriteIsRefusedByAgentAndShell() throws Exception {
        try (DiagHomeDir test = new DiagHomeDir()) {
            Path home = test.path();
            CookieFile.loadOrCreate(home.resolve("cookie"));
            Path nodes = Files.createDirectory(home.resolve("nodes"));
            Files.setPosixFilePermissions(nodes, PosixFilePermissions.fromString("rwxrwxrwx"));
            String sentence = nodes + " is writable by others (mode 0777): run chmod 700 " + nodes;

            assertRefused(test, "", sentence);

            DiagCli.Run shell = DiagCli.run(test, "--node", "orders", "--cmd", "memory(heap)");
            assertEquals(4, shell.exit(), shell::toString);
            assertEquals("diag: " + sentence + ".\n", shell.err(), shell::toString);
            DiagCli.Run nodesCommand = DiagCli.run(test, "nodes");
            assertEquals(4, nodesCommand.exit(), nodesCommand::toString);
            assertEquals("diag: " + sentence + ".\n", nodesCommand.err(), nodesCommand::toString);
        }
    }

    @Test
    void aCookieInADirectoryOthersCanWriteIsRefusedByTheShell() throws Exception {
        try (DiagHomeDir test = new DiagHomeDir(); TargetJvm target = TargetJvm.start(test, "orders")) {
            Path shared = Files.createDirectory(test.path().resolve("shared"));
            Path copy = shared.resolve("cookie");
            Files.copy(test.path().resolve("cookie"), copy);
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

            DiagCli.Run run = DiagCli.run(test, "--cookie-file", copy.toString(), "--node", "orders",
                    "--cmd", "memory(heap)");

            assertEquals(4, run.exit(), run::toString);
            assertEquals("diag: " + shared + " is writable by others (mode 0777): run chmod go-w " + shared + ".\n",
                    run.err(), run::toString);
        }
    }

    /** The agent refuses with exactly one line and no trace; the application runs on; no node is registered. */
    private static void assertRefused(DiagHomeDir test, String agentExtras, String sentence) throws Exception {
        try (TargetJvm target = TargetJvm.startRefused(test, "orders", agentExtras)) {
            String output = target.output();
            List<String> diagLines = output.lines().filter(l -> l.startsWith("diag:")).toList();
            assertEquals(1, diagLines.size(), output);
            assertTrue(diagLines.get(0).startsWith("diag: not started: " + sentence), output);
            assertTrue(output.contains("idle target up"), output);
            assertFalse(output.contains("Exception") || output.contains("\tat "), output);
            assertTrue(target.isAlive(), output);
        }
    }

    private static Path privateDir(Path dir) throws Exception {
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }
}
