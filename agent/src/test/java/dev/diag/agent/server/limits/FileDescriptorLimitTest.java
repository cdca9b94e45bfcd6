package dev.diag.agent.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDescriptorLimitTest {
    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max processes             96367                96367                processes
            Max open files            1024                 524288               files
            Max locked memory         8388608              8388608              bytes
            """;

    @Test
    void readsTheSoftLimitOfOpenFiles() {
        assertEquals(OptionalLong.of(1024), FileDescriptorLimit.softLimit(LIMITS));
    }

    @Test
    void unlimitedIsTheLargestLimit() {
        assertEquals(OptionalLong.of(Long.MAX_VALUE),
                FileDescriptorLimit.softLimit(LIMITS.replace("1024                 524288", "unlimited  unlimited")));
    }

    @Test
    void noOpenFilesLineOrAnUnreadableOneSaysNothing() {
        assertEquals(OptionalLong.empty(),
                FileDescriptorLimit.softLimit("Limit  Soft Limit\nMax cpu time  unlimited\n"));
        assertEquals(OptionalLong.empty(), FileDescriptorLimit.softLimit("Max open files   lots   lots   files\n"));
        assertEquals(OptionalLong.empty(), FileDescriptorLimit.softLimit("Max open files\n"));
    }

    @Test
    void aMissingFileSaysNothing(@TempDir Path dir) {
        assertEquals(OptionalLong.empty(), FileDescriptorLimit.fromProcLimits(dir.resolve("limits")));
    }

    @Test
    void procSaysWhatTheOperatingSystemBeanSays() {
        Assumptions.assumeTrue(Files.isReadable(FileDescriptorLimit.PROC_LIMITS));
        com.sun.management.UnixOperatingSystemMXBean bean = (com.sun.management.UnixOperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long expected = bean.getMaxFileDescriptorCount();
        assertEquals(OptionalLong.of(expected == Long.MAX_VALUE || expected < 0 ? Long.MAX_VALUE : expected),
                FileDescriptorLimit.fromProcLimits(FileDescriptorLimit.PROC_LIMITS));
    }
}
