package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResidentSetTest {

    @Test
    void readsAPlausibleResidentSetWhereThereIsProc() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc on this OS");
        Long bytes = ResidentSet.bytes();
        assertNotNull(bytes);
        assertTrue(bytes > 1024 * 1024, "a running JVM is more than 1 MiB resident: " + bytes);
        assertTrue(bytes % 1024 == 0, "VmRSS is in kB: " + bytes);
    }
}
