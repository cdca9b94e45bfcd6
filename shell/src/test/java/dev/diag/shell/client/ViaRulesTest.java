package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.cookie.DiagHome;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViaRulesTest {
    @TempDir
    Path tmp;

    private DiagHome home(String via) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "home", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        if (via != null) {
            Path file = dir.resolve("via");
            Files.writeString(file, via);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return new DiagHome(dir);
    }

    @Test
    void expandsHostPortAndPercentAsProxyCommandDoes() {
        ViaCommand via = new ViaCommand("ssh -W %h:%p -o X=100%% %x bastion");
        assertEquals("ssh -W db1:4370 -o X=100% %x bastion", via.expand("db1", 4370));
    }

    @Test
    void theOptionCoversEveryNodeWithAHostAndNoBareName() throws Exception {
        ViaRules rules = ViaRules.load(home("* ssh -W %h:%p other"), "ssh -W 127.0.0.1:%p %h");
        assertEquals(Optional.of(new ViaCommand("ssh -W 127.0.0.1:%p %h")), rules.forNode("orders@db1"));
        assertEquals(Optional.of(new ViaCommand("ssh -W 127.0.0.1:%p %h")), rules.forNode("orders@127.0.0.1:4000"));
        assertEquals(Optional.empty(), rules.forNode("orders"));
    }

    @Test
    void theFirstMatchingLineWinsWithWildcardsListsAndExclusions() throws Exception {
        ViaRules rules = ViaRules.load(home("""
                # comment
                db?.prod,!db9.prod   ssh -J bastion -W 127.0.0.1:%p %h
                *.prod none

                *.STAGING  ssh -W 127.0.0.1:%p %h
                """), null);
        assertEquals(Optional.of(new ViaCommand("ssh -J bastion -W 127.0.0.1:%p %h")), rules.forNode("a@db1.prod"));
        assertEquals(Optional.empty(), rules.forNode("a@db9.prod"), "excluded, then none");
        assertEquals(Optional.empty(), rules.forNode("a@db10.prod"), "? is one character");
        assertEquals(Optional.of(new ViaCommand("ssh -W 127.0.0.1:%p %h")), rules.forNode("a@web.staging"));
        assertEquals(Optional.empty(), rules.forNode("a@web.dev"));
    }

    @Test
    void noFileAndNoneOnTheCommandLineConnectDirectly() throws Exception {
        assertEquals(Optional.empty(), ViaRules.load(home(null), null).forNode("a@db1"));
        assertEquals(Optional.empty(), ViaRules.load(home("* ssh -W %h:%p x"), "none").forNode("a@db1"));
    }

    @Test
    void aLineWithoutACommandIsAUsageErrorNamingTheLine() throws Exception {
        DiagException e = assertThrows(DiagException.class, () -> ViaRules.load(home("# x\n*.prod\n"), null));
        assertEquals(ExitCode.USAGE, e.exit());
        assertTrue(e.getMessage().contains("via line 2 has host patterns but no command"), e.getMessage());
    }

    @Test
    void aFileOthersCanWriteIsRefused() throws Exception {
        DiagHome home = home("* ssh -W %h:%p x");
        Files.setPosixFilePermissions(home.dir().resolve("via"), PosixFilePermissions.fromString("rw-rw-rw-"));
        DiagException e = assertThrows(DiagException.class, () -> ViaRules.load(home, null));
        assertEquals(ExitCode.AUTH_REFUSED, e.exit());
    }

    @Test
    void anEmptyOptionIsAUsageError() throws Exception {
        assertEquals(ExitCode.USAGE, assertThrows(DiagException.class, () -> ViaRules.load(home(null), " ")).exit());
    }
}
