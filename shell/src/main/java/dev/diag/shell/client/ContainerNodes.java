package dev.diag.shell.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.diag.protocol.cookie.StrictModes;
import dev.diag.protocol.message.JsonTree;
import dev.diag.protocol.node.NodeName;
import dev.diag.protocol.node.ProcessStart;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The host's record of the nodes {@code diag inject} started inside containers, one JSON file
 * each in {@code DIAG_HOME/containers/}: the JVM's host pid and start time, and its socket as the
 * container sees it. The node's own record lives in the container's home, under its
 * container pid, where the host's registry cannot use it; this one is what {@code --node NAME},
 * {@code attach NAME} and {@code nodes} read on the host. Written by the inject command only, so
 * it needs no agent change; dead JVMs' records are stale and removed when found, as in the
 * node registry, whose strict modes it shares.
 *
 * <pre>
 * {"name":"orders","pid":30243,"startTicks":123456,"socket":"/tmp/diag-5f0c2a1e/node.sock","containerPid":1,"jvm":"17.0.14+7"}
 * </pre>
 */
public final class ContainerNodes {
    private final Path dir;

    public ContainerNodes(Path dir) {
        this.dir = dir;
    }

    /** One node in a container: {@code socket} as the container sees it, {@code containerPid} the JVM's pid there. */
    public record Node(String name, long pid, long startTicks, String socket, long containerPid, String jvm) {
        /** The socket as this host reaches it: through the JVM's root, as the JDK's attach does. */
        public Path hostSocket() {
            return Path.of("/proc", Long.toString(pid), "root").resolve(socket.substring(1));
        }

        /** Its JVM runs (the same process: start time too) and its socket is there (the agent was not stopped). */
        boolean isAlive() {
            OptionalLong now = ProcessStart.ticks(pid);
            return now.isPresent() && now.getAsLong() == startTicks && Files.exists(hostSocket(), LinkOption.NOFOLLOW_LINKS);
        }
    }

    public void register(Node node) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        StrictModes.checkDirectory(dir);
        Path temp = Files.createTempFile(dir, "." + node.name(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temp, JsonTree.bytes(JsonNodeFactory.instance.objectNode()
                    .put("name", node.name())
                    .put("pid", node.pid())
                    .put("startTicks", node.startTicks())
                    .put("socket", node.socket())
                    .put("containerPid", node.containerPid())
                    .put("jvm", node.jvm())));
            Files.move(temp, file(node.name()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The live node of {@code name}, removing a stale record. */
    public Optional<Node> lookup(String name) {
        if (!NodeName.isBareName(name)) {
            return Optional.empty();
        }
        return read(file(name)).filter(this::keepIfAlive);
    }

    /** All live nodes, by name; stale records are removed on the way. */
    public List<Node> live() {
        List<Node> nodes = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                read(file).filter(this::keepIfAlive).ifPresent(nodes::add);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return nodes;
        }
        nodes.sort(Comparator.comparing(Node::name));
        return nodes;
    }

    private boolean keepIfAlive(Node node) {
        if (node.isAlive()) {
            return true;
        }
        try {
            Files.deleteIfExists(file(node.name()));
        } catch (IOException ignored) {
            // read again, and judged stale again, next time
        }
        return false;
    }

    private Optional<Node> read(Path file) {
        if (!StrictModes.isSafeFile(file)) {
            return Optional.empty(); // another user's, or writable by others: it could point us anywhere
        }
        try {
            JsonNode json = JsonTree.parse(Files.readAllBytes(file));
            String socket = json.path("socket").asText("");
            String name = json.path("name").asText("");
            if (!socket.startsWith("/") || !NodeName.isBareName(name) || !json.path("pid").canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(new Node(name, json.path("pid").longValue(), json.path("startTicks").asLong(-1),
                    socket, json.path("containerPid").asLong(-1), json.path("jvm").asText("?")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path file(String name) {
        return dir.resolve(name + ".json");
    }
}
