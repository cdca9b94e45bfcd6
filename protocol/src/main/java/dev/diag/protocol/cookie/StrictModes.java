package dev.diag.protocol.cookie;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * OpenSSH's StrictModes for diag's files: the cookie, DIAG_HOME, {@code nodes/}, the registry
 * records and the audit log must be owned by this process's user or by root, and no group or
 * other may write them, nor any directory above them. Otherwise another local user could plant
 * their own cookie (and so get every function, code loading included) or records and log lines of
 * their choosing. A directory above may be writable by others only if it is sticky, as /tmp is:
 * there nobody but the owner can rename or remove what we own inside it. The refusal names the
 * path and the fix, e.g. "/home/x/.diag is writable by others (mode 0777): run chmod 700 /home/x/.diag".
 *
 * Costs a stat per path component. Where the file system has no POSIX modes (Windows) nothing is
 * checked, as {@link CookieFile} does.
 */
public final class StrictModes {
    private static final int ROOT = 0;

    private StrictModes() {
    }

    /** Checks a directory diag keeps files in, and every directory above it; parts not yet made are skipped. */
    public static void checkDirectory(Path dir) throws UnsafePathException {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path real;
            try {
                real = p.toRealPath();
            } catch (IOException notYetMade) {
                continue; // judge the directory it will be made in
            }
            boolean itself = p.equals(dir.toAbsolutePath().normalize());
            // ours must be private; the one it will be made in may be shared and sticky, like /tmp
            check(real, itself ? "700" : "go-w", !itself);
            checkAbove(real);
            return;
        }
    }

    /** Checks a file diag reads or writes (and the directories above it); a missing file is no problem. */
    public static void checkFile(Path file) throws UnsafePathException {
        Path real;
        try {
            real = file.toRealPath(); // a link is judged by what it points to, as sshd judges realpath()
        } catch (NoSuchFileException missing) {
            checkDirectory(file.toAbsolutePath().normalize().getParent());
            return;
        } catch (IOException e) {
            return; // unreadable: the read that follows says so in its own words
        }
        check(real, "600", false);
        checkAbove(real);
    }

    /** Whether {@code file} passes {@link #checkFile} by itself (its directories are the caller's business). */
    public static boolean isSafeFile(Path file) {
        try {
            check(file, "600", true);
            return true;
        } catch (UnsafePathException e) {
            return false;
        }
    }

    private static void checkAbove(Path real) throws UnsafePathException {
        for (Path dir = real.getParent(); dir != null; dir = dir.getParent()) {
            check(dir, "go-w", true);
        }
    }

    private static void check(Path path, String fixMode, boolean stickyMayBeShared) throws UnsafePathException {
        PosixFileAttributes attributes;
        int uid;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return; // no POSIX owner and modes here: nothing to check against
        } catch (IOException e) {
            return; // gone meanwhile, or not ours to stat: the use that follows reports it
        }
        int self = ProcessUser.uid();
        if (uid != self && uid != ROOT) {
            throw new UnsafePathException(path + " belongs to " + attributes.owner().getName() + ", not to "
                    + ProcessUser.name() + " who runs diag, so " + attributes.owner().getName()
                    + " could change it: run chown " + ProcessUser.name() + " " + path + ", or choose another DIAG_HOME");
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        boolean groupWrites = permissions.contains(PosixFilePermission.GROUP_WRITE);
        boolean othersWrite = permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if ((groupWrites || othersWrite) && !(stickyMayBeShared && attributes.isDirectory() && sticky(path))) {
            throw new UnsafePathException(path + " is writable by " + (othersWrite ? "others" : "its group") + " (mode "
                    + mode(permissions) + "): run chmod " + fixMode + " " + path);
        }
    }

    private static boolean sticky(Path dir) {
        try {
            return ((Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 01000) != 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", mode);
    }
}
