package dev.diag.agent.server.limits;

import dev.diag.agent.probe.ProcLimits;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The process's limit on open file descriptors (RLIMIT_NOFILE, the soft limit {@code ulimit -n}
 * sets), read once when the agent starts. Empty where nothing can say (Windows, a JDK without the
 * jdk.management module).
 *
 * <p>On Linux it is the "Max open files" line of {@code /proc/self/limits}: one small read. The
 * JDK's {@code UnixOperatingSystemMXBean} knows it too, but making that bean first probes the
 * container's cgroups (about 40 classes, a dozen lambdas and the parsing of
 * /proc/self/mountinfo), which an idle agent would keep for nothing. The bean stays the answer
 * where the file cannot be read (not Linux, no /proc, or no descriptor left to open it with).
 */
public final class FileDescriptorLimit {
    static final Path PROC_LIMITS = Path.of("/proc/self/limits");

    private FileDescriptorLimit() {
    }

    public static OptionalLong ofThisProcess() {
        OptionalLong fromProc = fromProcLimits(PROC_LIMITS);
        return fromProc.isPresent() ? fromProc : fromOperatingSystemBean();
    }

    /** The soft limit from a file in /proc/PID/limits' format; empty if it cannot be read or has no such line. */
    static OptionalLong fromProcLimits(Path file) {
        try {
            return softLimit(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The soft limit in a "Max open files  1024  4096  files" line: "Limit", "Soft Limit",
     * "Hard Limit", "Units" in columns. "unlimited" is {@link Long#MAX_VALUE}, as the bean says
     * for RLIM_INFINITY.
     */
    static OptionalLong softLimit(String limits) {
        List<String> fields = ProcLimits.fields(limits, "Max open files");
        if (fields == null || fields.isEmpty()) {
            return OptionalLong.empty();
        }
        if (fields.get(0).equals("unlimited")) {
            return OptionalLong.of(Long.MAX_VALUE);
        }
        try {
            long soft = Long.parseLong(fields.get(0));
            return soft > 0 ? OptionalLong.of(soft) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong fromOperatingSystemBean() {
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
