package dev.diag.protocol.node;

import dev.diag.protocol.cookie.StrictModes;
import dev.diag.protocol.cookie.UnsafePathException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The local registry of nodes, one JSON file per node under {@code ~/.diag/nodes/}. Files are
 * replaced atomically, so a reader never sees half a record; records of dead processes are
 * stale and are removed when found. A record another user owns or could write is ignored, and
 * the directory itself must pass {@link StrictModes}.
 */
public final class NodeRegistry {
    private final Path dir;
    private final String cookieFingerprint;

    /** A registry read by someone who holds no particular cookie: the shell's own listing. */
    public NodeRegistry(Path dir) {
        this(dir, null);
    }

    /** The registry as a node holding the cookie of {@code cookieFingerprint} sees it (see {@link #sameCookie()}). */
    public NodeRegistry(Path dir, String cookieFingerprint) {
        this.dir = dir;
        this.cookieFingerprint = cookieFingerprint;
    }

    public void register(NodeRecord record) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        checkModes();
        Path temp = Files.createTempFile(dir, "." + record.name(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temp, record.toJson());
            Files.move(temp, file(record.name()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Refuses a registry directory, or the home it is in, that another local user could write to
     * ({@link StrictModes}): they could plant records that send shells to a port of their choosing.
     */
    public void checkModes() throws UnsafePathException {
        if (dir.toAbsolutePath().getParent() != null) {
            StrictModes.checkDirectory(dir.toAbsolutePath().getParent());
        }
        StrictModes.checkDirectory(dir);
    }

    /** Removes the record of {@code name} if it still belongs to {@code pid}. */
    public void unregister(String name, long pid) {
        try {
            Optional<NodeRecord> current = read(file(name));
            if (current.isPresent() && current.get().pid() == pid) {
                Files.deleteIfExists(file(name));
            }
        } catch (IOException ignored) {
            // leaving a stale record is harmless: readers detect and remove it
        }
    }

    /** The live record of {@code name}, removing a stale one. */
    public Optional<NodeRecord> lookup(String name) {
        // no lambda: a one-shot shell looks a node up before it has linked any call site
        Optional<NodeRecord> record = read(file(name));
        return record.isPresent() && keepIfAlive(record.get()) ? record : Optional.empty();
    }

    /** All live records, sorted by name; stale ones are removed on the way. */
    public List<NodeRecord> live() {
        List<NodeRecord> records = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                read(file).filter(this::keepIfAlive).ifPresent(records::add);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return records;
        }
        records.sort(Comparator.comparing(NodeRecord::name));
        return records;
    }

    /**
     * The live records of the nodes that hold this registry's cookie: all a node's directory may
     * tell a client that proved that cookie, since one home may hold nodes of several cookies
     * ({@code cookie-file=}). Records of older agents, which do not say, are left out. Without a
     * cookie (the shell's listing) all live records.
     */
    public List<NodeRecord> sameCookie() {
        List<NodeRecord> live = live();
        return cookieFingerprint == null ? live
                : live.stream().filter(record -> cookieFingerprint.equals(record.cookieFingerprint())).toList();
    }

    private boolean keepIfAlive(NodeRecord record) {
        if (record.isAlive()) {
            return true;
        }
        unregister(record.name(), record.pid());
        return false;
    }

    private Optional<NodeRecord> read(Path file) {
        if (!StrictModes.isSafeFile(file)) {
            return Optional.empty(); // another user's, or writable by others: not believed
        }
        try {
            return Optional.of(NodeRecord.fromJson(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path file(String name) {
        if (!NodeName.isBareName(name)) {
            throw new IllegalArgumentException("not a node name: a registry file must stay inside " + dir);
        }
        return dir.resolve(name + ".json");
    }
}
