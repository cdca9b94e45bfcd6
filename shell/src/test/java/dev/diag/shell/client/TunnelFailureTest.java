package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenSSH's own words (8.x and 9.x), each to one sentence with its fix. */
class TunnelFailureTest {
    private static final ViaCommand SSH = new ViaCommand("ssh -W %h:%p db1");

    private static DiagException sentence(int status, String... stderr) {
        IOException e = TunnelFailure.of(SSH, "db1", 4370, status, List.of(stderr));
        return assertInstanceOf(TunnelException.class, e).sentence("orders@db1");
    }

    @Test
    void anUnknownHostKeyNamesTheKeyAndKnownHosts() {
        DiagException e = sentence(255, "No ED25519 host key is known for db1 and you have requested strict checking.",
                "Host key verification failed.");
        assertEquals(ExitCode.AUTH_REFUSED, e.exit());
        assertEquals("cannot reach orders@db1: ssh does not know the host key of db1 (No ED25519 host key is known for "
                + "db1 and you have requested strict checking); check the key's fingerprint with the host's owner, then "
                + "record it in known_hosts (connect once with ssh, answering yes) and try again.", e.getMessage());
    }

    @Test
    void aChangedHostKeyWarnsOfAManInTheMiddle() {
        DiagException e = sentence(255, "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
                "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @", "Host key verification failed.");
        assertTrue(e.getMessage().contains("someone may be in the middle"), e.getMessage());
        assertTrue(e.getMessage().contains("ssh-keygen -R db1"), e.getMessage());
    }

    @Test
    void aRefusedLoginSaysWhichKeyToLoad() {
        DiagException e = sentence(255, "root@db1: Permission denied (publickey).");
        assertEquals(ExitCode.AUTH_REFUSED, e.exit());
        assertTrue(e.getMessage().contains("ssh refused the login (root@db1: Permission denied (publickey)); load a key"),
                e.getMessage());
    }

    @Test
    void aMissingCommandIsUsage() {
        DiagException e = sentence(127, "/bin/sh: 1: exec: sshh: not found");
        assertEquals(ExitCode.USAGE, e.exit());
        assertTrue(e.getMessage().contains("'ssh -W %h:%p db1' was not found"), e.getMessage());
    }

    @Test
    void sshdUnreachableUnresolvedAndForbiddenForwardingEachSayWhatToCheck() {
        assertTrue(sentence(255, "ssh: connect to host db1 port 22: Connection refused").getMessage()
                .contains("check that sshd runs there"));
        assertTrue(sentence(255, "ssh: Could not resolve hostname db1: Name or service not known").getMessage()
                .contains("check the host name"));
        assertTrue(sentence(255, "channel 0: open failed: administratively prohibited: open failed",
                "stdio forwarding failed").getMessage().contains("AllowTcpForwarding"));
        assertTrue(sentence(255, "ssh: connect to host db1 port 22: Connection timed out").getMessage()
                .contains("got no answer"));
    }

    @Test
    void aClosedPortAtTheFarEndIsARefusedConnection() {
        IOException e = TunnelFailure.of(SSH, "db1", 4370, 255,
                List.of("channel 0: open failed: connect failed: Connection refused", "stdio forwarding failed"));
        assertInstanceOf(TunnelRefusedException.class, e);
        assertTrue(e.getMessage().startsWith("nothing listens on db1:4370 at the far end of the tunnel"), e.getMessage());
    }

    @Test
    void aQuietEndIsTheNodeHangingUpAndAnythingElseQuotesTheLastLine() {
        assertNull(TunnelFailure.of(SSH, "db1", 4370, 0, List.of()));
        DiagException e = sentence(255, "Connection to db1 closed by remote host.");
        assertEquals(ExitCode.UNREACHABLE, e.exit());
        assertTrue(e.getMessage().contains("closed (status 255, Connection to db1 closed by remote host)"),
                e.getMessage());
    }
}
