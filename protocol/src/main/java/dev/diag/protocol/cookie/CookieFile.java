package dev.diag.protocol.cookie;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Reads the cookie file, creating it on first use. The file holds 32 random bytes as 64 hex
 * characters (so it can be copied between machines by hand); the HMAC key is that text.
 * A file that is not regular, or that any group or other bit makes readable or writable by
 * someone else, is refused, as OpenSSH refuses such a private key; so is one another user owns
 * or could replace ({@link StrictModes}).
 */
public final class CookieFile {
    static final int SECRET_BYTES = 32;
    private static final int MAX_BYTES = 4096;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private CookieFile() {
    }

    /** Reads {@code path}, creating it atomically with a fresh secret if it does not exist. */
    public static Cookie loadOrCreate(Path path) throws CookieException {
        try {
            return load(path);
        } catch (NoSuchFileException missing) {
            create(path);
            try {
                return load(path);
            } catch (IOException e) {
                throw new CookieException("cannot read the cookie file " + path + ": " + e.getMessage());
            }
        } catch (CookieException e) {
            throw e;
        } catch (IOException e) {
            throw new CookieException("cannot read the cookie file " + path + ": " + e.getMessage());
        }
    }

    /** Reads an existing cookie file; a missing one is a {@link NoSuchFileException}. */
    public static Cookie load(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new CookieException("the cookie file " + path + " is not a regular file; "
                    + "put the shared cookie there, or remove it and the next node to start creates one");
        }
        checkPermissions(path);
        StrictModes.checkFile(path);
        if (attributes.size() > MAX_BYTES) {
            throw new CookieException("the cookie file " + path + " is larger than " + MAX_BYTES + " bytes; "
                    + "it should hold one line");
        }
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new CookieException("the cookie file " + path + " is empty; write the shared cookie into it, or remove it and the next node to start creates one");
        }
        return new Cookie(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void checkPermissions(Path path) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix == null) {
            return; // no POSIX modes here (Windows): nothing to check against
        }
        Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
        for (PosixFilePermission p : permissions) {
            if (!p.name().startsWith("OWNER_")) {
                throw new CookieException("the cookie file " + path + " has mode " + StrictModes.mode(permissions)
                        + " and others may read or change it; run: chmod 600 " + path);
            }
        }
    }

    /**
     * Writes a new secret to a private temporary file and links it into place: link() fails if
     * another process created the cookie first, so two first uses never disagree on the secret.
     */
    private static void create(Path path) throws CookieException {
        Path dir = path.toAbsolutePath().getParent();
        Path temp = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            }
            StrictModes.checkDirectory(dir); // never write a secret where another user could swap it
            byte[] secret = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            temp = Files.createTempFile(dir, ".cookie", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.write(temp, (HexFormat.of().formatHex(secret) + "\n").getBytes(StandardCharsets.US_ASCII));
            Files.createLink(path, temp);
        } catch (UnsafePathException e) {
            throw e;
        } catch (FileAlreadyExistsException raced) {
            // another process created it between our read and our link: use theirs
        } catch (IOException e) {
            throw new CookieException("cannot create the cookie file " + path + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray private temp file is harmless
                }
            }
        }
    }
}
