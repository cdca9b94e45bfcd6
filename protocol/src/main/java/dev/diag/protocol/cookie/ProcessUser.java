package dev.diag.protocol.cookie;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user this process runs as, for {@link StrictModes}: the effective uid, which owns the files
 * it creates. Java has no getuid(); Linux says it in /proc/self/status, elsewhere the owner of a
 * file we just made does. Read once.
 */
final class ProcessUser {
    private static final int UID = readUid();

    private ProcessUser() {
    }

    static int uid() {
        return UID;
    }

    static String name() {
        return System.getProperty("user.name", "uid " + UID);
    }

    /**
     * The second number of {@code Uid:\treal\teffective\tsaved\tfs}. Split by hand: a regular
     * expression here would cost every one-shot shell a method handle spun at run time.
     */
    static int effectiveUid(String line) {
        String[] fields = line.substring(4).strip().split("\t");
        return Integer.parseInt(fields[1].strip());
    }

    /**
     * The {@code Uid:} line of {@code status} (the text of /proc/self/status), or null. Bytes as
     * Latin-1, one char each: the file is ASCII up to that line, and a one-shot shell then pays no
     * charset decoder and line reader (readAllLines cost it 5% of its main thread, interpreted).
     */
    static String uidLine(byte[] status) {
        String text = "\n" + new String(status, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\nUid:");
        if (at < 0) {
            return null;
        }
        int end = text.indexOf('\n', at + 1);
        return text.substring(at + 1, end < 0 ? text.length() : end);
    }

    private static int readUid() {
        try {
            String line = uidLine(Files.readAllBytes(Path.of("/proc/self/status")));
            if (line != null) {
                return effectiveUid(line);
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (macOS): ask the file system below
        }
        Path probe = null; // reached only without /proc
        try {
            probe = Files.createTempFile("diag-uid", ".tmp");
            return (Integer) Files.getAttribute(probe, "unix:uid");
        } catch (IOException | RuntimeException e) {
            return 0; // cannot tell: only files of root pass, the strictest reading
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // an empty temp file left behind
                }
            }
        }
    }
}
