package dev.diag.agent.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where probes read small text files (/proc, /sys) from: the real file system, or in tests a map
 * of sample texts, so parsers are tested on what a given kernel prints without that kernel.
 */
@FunctionalInterface
public interface TextFiles {
    /** Far more than any file read here holds (/proc/self/limits is under 2 KiB). */
    int MAX_BYTES = 64 * 1024;

    /** The file's whole text, or null where it does not exist or cannot be read. */
    String read(String path);

    /**
     * The real file system, read in 8 KiB blocks. Not {@code Files.readAllBytes}: /proc files
     * report size 0, so it reads one byte and then asks again from offset 1, and sysctl files
     * such as /proc/sys/kernel/pid_max answer a read from a non-zero offset with end-of-file:
     * "32768" would read as "3".
     */
    static TextFiles system() {
        return path -> {
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                ByteArrayOutputStream text = new ByteArrayOutputStream(256);
                byte[] block = new byte[8192];
                int n;
                while ((n = in.read(block)) > 0 && text.size() < MAX_BYTES) {
                    text.write(block, 0, n);
                }
                return text.toString(StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return null; // absent (no /proc, no such cgroup file) or unreadable: the OS does not say
            }
        };
    }
}
