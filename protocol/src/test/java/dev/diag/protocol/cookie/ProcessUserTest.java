package dev.diag.protocol.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessUserTest {

    @Test
    void readsTheEffectiveUidNotTheRealOne() {
        assertEquals(1001, ProcessUser.effectiveUid("Uid:\t1000\t1001\t1002\t1003"));
    }

    @Test
    void findsTheUidLineWhereverItIs() {
        byte[] status = "Name:\tjava\nUmask:\t0022\nUid:\t1000\t1001\t1002\t1003\nGid:\t5\t5\t5\t5\n".getBytes();
        assertEquals("Uid:\t1000\t1001\t1002\t1003", ProcessUser.uidLine(status));
        assertEquals("Uid:\t7\t8\t9\t9", ProcessUser.uidLine("Uid:\t7\t8\t9\t9".getBytes()));
        assertNull(ProcessUser.uidLine("Name:\tjava\nGid:\t5\n".getBytes()));
    }

    @Test
    void isTheOwnerOfTheFilesThisProcessMakes(@TempDir Path dir) throws Exception {
        Path made = Files.createFile(dir.resolve("made"));
        assertEquals(Files.getAttribute(made, "unix:uid"), ProcessUser.uid());
    }
}
