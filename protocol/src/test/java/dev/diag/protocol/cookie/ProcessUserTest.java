package dev.diag.protocol.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void isTheOwnerOfTheFilesThisProcessMakes(@TempDir Path dir) throws Exception {
        Path made = Files.createFile(dir.resolve("made"));
        assertEquals(Files.getAttribute(made, "unix:uid"), ProcessUser.uid());
    }
}
