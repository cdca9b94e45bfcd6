package dev.diag.protocol.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * When a process started, as Linux records it: field 22 of {@code /proc/PID/stat}, in clock ticks
 * since boot. Compared raw (never converted, so no tick rate is assumed), it tells a live node
 * from a later process that reuses its pid, without the cost of ProcessHandle's start-up, which
 * a one-shot {@code diag --cmd} would otherwise pay on every registry look-up.
 */
public final class ProcessStart {
    private static final Path PROC = Path.of("/proc");

    private ProcessStart() {
    }

    /** True where /proc can answer for processes (Linux). */
    public static boolean supported() {
        return Files.isReadable(PROC.resolve("self/stat"));
    }

    /**
     * The start time of {@code pid} in ticks since boot; empty if it is not running or /proc cannot
     * say. A zombie (state Z: exited, not yet reaped by its parent) is not running: a JVM killed by
     * heart keeps its /proc entry, start time included, until its parent waits for it, and must not
     * block its restarted self from registering the same node name meanwhile.
     */
    public static OptionalLong ticks(long pid) {
        try {
            String stat = new String(Files.readAllBytes(PROC.resolve(pid + "/stat")), StandardCharsets.US_ASCII);
            // The command name (field 2) is in parentheses and may itself hold spaces or ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (fields[0].equals("Z") || fields[0].equals("X")) { // field 3, the state: zombie or dead
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(fields[19])); // field 22 overall; this array starts at field 3
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
