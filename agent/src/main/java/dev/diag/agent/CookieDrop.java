package dev.diag.agent;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.CookieFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cookie {@code diag inject} leaves for an agent it loads into a container: a file of mode
 * 600 in a directory of mode 700 in the container's /tmp, written by the host's shell through
 * {@code /proc/PID/root}. The agent reads it once and deletes it, so the secret is never in the
 * agent's options (which the JVM keeps and shows: {@code jcmd VM.info}, JFR's jdk.JavaAgent
 * event) and is on disk only for the moment of the load. The same strict modes as any cookie
 * file apply (CookieFile), so a planted file is refused rather than believed.
 */
final class CookieDrop {
    private CookieDrop() {
    }

    /** The cookie in {@code file}; the file is gone afterwards, whether it could be used or not. */
    static Cookie take(Path file) throws IOException {
        try {
            return CookieFile.load(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
