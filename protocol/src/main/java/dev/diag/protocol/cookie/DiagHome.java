package dev.diag.protocol.cookie;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where diag keeps its files: {@code ~/.diag}, or {@code $DIAG_HOME} when set. Holds the cookie,
 * the node registry ({@code nodes/}), the TLS nodes' keys ({@code tls/}), the audit log and the
 * console history; none of them may be writable by another user ({@link #checkModes()}).
 */
public record DiagHome(Path dir) {

    public static DiagHome fromEnvironment() {
        return from(System.getenv(), System.getProperty("user.home"));
    }

    static DiagHome from(Map<String, String> env, String userHome) {
        String override = env.get("DIAG_HOME");
        if (override != null && !override.isBlank()) {
            return new DiagHome(Path.of(override).toAbsolutePath());
        }
        return new DiagHome(Path.of(userHome, ".diag"));
    }

    /** Creates the directory, owner-only, if it is missing; an existing one is left as it is. */
    public DiagHome create() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return this;
    }

    /**
     * Refuses a home, or a {@code nodes/} in it, that another local user could change
     * ({@link StrictModes}); parts not made yet are judged by the directory they will be made in.
     */
    public DiagHome checkModes() throws UnsafePathException {
        StrictModes.checkDirectory(dir);
        StrictModes.checkDirectory(nodes());
        return this;
    }

    public Path cookie() {
        return dir.resolve("cookie");
    }

    public Path nodes() {
        return dir.resolve("nodes");
    }

    public Path audit() {
        return dir.resolve("audit.log");
    }

    public Path history() {
        return dir.resolve("history");
    }

    /** Each TLS node's key and certificate, {@code tls/NAME.pem}. */
    public Path tlsKey(String nodeName) {
        return dir.resolve("tls").resolve(nodeName + ".pem");
    }

    /**
     * The cookie file to use: an explicit {@code --cookie-file} / {@code cookie-file=} first,
     * then {@code $DIAG_COOKIE_FILE}, then {@code cookie} in this home.
     */
    public Path cookieFile(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String fromEnv = System.getenv("DIAG_COOKIE_FILE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return cookie();
    }
}
