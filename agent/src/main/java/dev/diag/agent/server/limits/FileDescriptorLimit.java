package dev.diag.agent.server.limits;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;

/**
 * The process's limit on open file descriptors (RLIMIT_NOFILE, the soft limit {@code ulimit -n}
 * sets), from the JDK's {@code UnixOperatingSystemMXBean}: one call, no file opened (under fd
 * exhaustion opening /proc/self/limits would itself fail). Empty where the JDK cannot say
 * (Windows, a JDK without the jdk.management module).
 */
public final class FileDescriptorLimit {
    private FileDescriptorLimit() {
    }

    public static OptionalLong ofThisProcess() {
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
                long max = unix.getMaxFileDescriptorCount();
                return max > 0 ? OptionalLong.of(max) : OptionalLong.empty();
            }
        } catch (RuntimeException | LinkageError e) {
            // no such bean here: the caller falls back to its fixed cap
        }
        return OptionalLong.empty();
    }
}
