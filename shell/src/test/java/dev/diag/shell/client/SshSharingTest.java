package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshSharingTest {
    @Test
    void putsTheMultiplexingOptionsRightAfterTheProgramSoTheyComeBeforeTheHost() {
        assertEquals("ssh -o ControlMaster=auto -o ControlPath=/h/.diag/mux-1-a/0f -o ControlPersist=60 -p 2222 "
                + "-W 127.0.0.1:4711 db1", SshSharing.shared("ssh -p 2222 -W 127.0.0.1:4711 db1",
                Path.of("/h/.diag/mux-1-a/0f")));
        assertEquals("ssh -G -W 127.0.0.1:4370 db1", SshSharing.probe("ssh -W 127.0.0.1:4370 db1"));
    }

    @Test
    void sharesOnlyOpenSshsClientAndNotWhereTheCommandChoseItsOwnMultiplexing() {
        assertTrue(SshSharing.mayShare("ssh -W %h:%p bastion"));
        assertTrue(SshSharing.mayShare("/usr/bin/ssh -J bastion -W 127.0.0.1:%p %h"));
        assertFalse(SshSharing.mayShare("nc %h %p"));
        assertFalse(SshSharing.mayShare("sshpass -p x ssh -W %h:%p bastion"));
        assertFalse(SshSharing.mayShare("ssh -o ControlMaster=no -W %h:%p bastion"));
        assertFalse(SshSharing.mayShare("ssh -o controlpath=none -W %h:%p bastion"));
    }

    @Test
    void readsFromSshGWhetherTheConfigurationMultiplexesAlready() {
        assertTrue(SshSharing.configLeavesItToUs(List.of("user root", "controlmaster false", "controlpersist no")));
        assertFalse(SshSharing.configLeavesItToUs(List.of("controlmaster auto", "controlpath ~/.ssh/cm-%C")));
        assertFalse(SshSharing.configLeavesItToUs(List.of("controlmaster false", "controlpath /run/cm")));
        assertFalse(SshSharing.configLeavesItToUs(List.of()), "not OpenSSH, or -G failed");
    }

    @Test
    void refusesSocketPathsTooLongForSunPathOrHoldingCharactersSshWouldExpand() {
        assertTrue(SshSharing.usableSocketPath(Path.of("/root/.diag/mux-123-ab12/0123456789")));
        assertFalse(SshSharing.usableSocketPath(Path.of("/x".repeat(44))));
        assertFalse(SshSharing.usableSocketPath(Path.of("/home/o p/.diag/mux-1-a/0123456789")));
        assertFalse(SshSharing.usableSocketPath(Path.of("/home/100%/.diag/mux-1-a/0123456789")));
    }
}
