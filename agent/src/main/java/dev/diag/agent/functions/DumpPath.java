package dev.diag.agent.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Echo;
import dev.diag.protocol.message.JsonTree;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Where heap_dump and jfr:dump may write, checked before the JVM is asked to, each refusal one
 * sentence: an absolute path, new (never overwritten), with the file type's own ending, in a
 * directory that exists, that the node's user can write and whose disk has room. A relative path is
 * refused, not resolved: the node's working directory is rarely what the caller has in mind, so the
 * sentence shows where it would have gone and asks for that absolute path.
 */
final class DumpPath {
    private static final long MIB = 1024 * 1024;

    /**
     * One kind of file: the function writing it, its ending and why, and how many bytes it may take
     * (checked against the disk's free space) with what those bytes are.
     */
    record Kind(String function, String example, String extension, String extensionRule, LongSupplier bytes,
            String bytesAre) {
    }

    /** heap_dump's: an hprof file, as large as the live heap. */
    static final Kind HPROF = new Kind("heap_dump", "/tmp/orders.hprof", ".hprof",
            "the JVM writes heap dumps only to files ending in .hprof (its heap dumper refuses others)",
            () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
            "the heap in use is %d MiB; a dump of the live objects can be as large");

    private DumpPath() {
    }

    static Path check(JsonNode value) throws FunctionException {
        return check(value, HPROF);
    }

    static Path check(JsonNode value, Kind kind) throws FunctionException {
        String function = kind.function();
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw FunctionException.badArgument(function + " takes the file to write as a string, e.g. "
                    + function + "(\"" + kind.example() + "\"), got " + JsonTree.text(value));
        }
        String written = value.textValue();
        Path path;
        try {
            path = Path.of(written);
        } catch (InvalidPathException e) {
            throw FunctionException.badArgument("'" + Echo.of(written) + "' is not a file path: " + e.getReason());
        }
        if (!written.endsWith(kind.extension())) {
            throw FunctionException.badArgument(kind.extensionRule() + ", e.g. " + function + "(\""
                    + Echo.of(suggestion(path, kind.extension()).toString()) + "\")");
        }
        if (!path.isAbsolute()) {
            Path there = Path.of(System.getProperty("user.dir")).resolve(path).normalize();
            throw FunctionException.badArgument(function + " needs an absolute path: '" + Echo.of(written) + "' would be "
                    + Echo.of(there.toString()) + " in the node's working directory; write " + function + "(\""
                    + Echo.of(there.toString()) + "\") if that is what you mean");
        }
        path = path.normalize();
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) { // a dangling link too: the JVM would write where it points
            throw FunctionException.badArgument(Echo.of(path.toString()) + " already exists on the node; " + function
                    + " never overwrites a file, give a new name");
        }
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw FunctionException.badArgument("the directory " + parent + " does not exist on the node; create it or "
                    + "pick another");
        }
        if (!Files.isWritable(parent)) {
            throw FunctionException.badArgument("the node (user " + System.getProperty("user.name") + ") cannot write to "
                    + parent + "; pick a directory it can write, such as " + System.getProperty("java.io.tmpdir"));
        }
        long needed = kind.bytes().getAsLong();
        long free = usableSpace(parent);
        if (free >= 0 && free < needed) {
            throw FunctionException.badArgument(parent + " has " + free / MIB + " MiB free on the node, and "
                    + String.format(kind.bytesAre(), needed / MIB) + ", so pick a disk with room");
        }
        return path;
    }

    private static long usableSpace(Path directory) {
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            return -1; // unknown: the write itself will say if the disk fills
        }
    }

    private static String suggestion(Path path, String extension) {
        String name = path.getFileName() == null ? "dump" : path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path parent = path.isAbsolute() && path.getParent() != null ? path.getParent() : Path.of("/tmp");
        return parent.resolve(name + extension).toString();
    }
}
