package dev.diag.protocol.node;

import dev.diag.protocol.message.JsonTree;
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
 * stale and are removed when found.
 */
public final class NodeRegistry {
    private final Path dir;

    public NodeRegistry(Path dir) {
        this.dir = dir;
    }

    public void register(NodeRecord record) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temp = Files.createTempFile(dir, "." + record.name(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temp, JsonTree.bytes(record.toJson()));
            Files.move(temp, file(record.name()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
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
        return read(file(name)).filter(record -> keepIfAlive(record));
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

    private boolean keepIfAlive(NodeRecord record) {
        if (record.isAlive()) {
            return true;
        }
        unregister(record.name(), record.pid());
        return false;
    }

    private Optional<NodeRecord> read(Path file) {
        try {
            return Optional.of(NodeRecord.fromJson(JsonTree.parse(Files.readAllBytes(file))));
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
