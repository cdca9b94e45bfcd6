package dev.diag.agent.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident set as the OS charges it: VmRSS from /proc/self/status. */
public final class ResidentSet {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentSet() {
    }

    /** Bytes resident now; null where there is no /proc (macOS, Windows). */
    public static Long bytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc here, or a format we do not know: say nothing rather than something wrong
        }
        return null;
    }
}
