package dev.diag.agent.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Echo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where heap_dump may write, checked before the JVM is asked to, each refusal one sentence. A
 * relative path is refused, not resolved: the node's working directory is rarely what the caller
 * has in mind, so the sentence shows where it would have gone and asks for that absolute path.
 */
final class DumpPath {
    private static final long MIB = 1024 * 1024;

    private DumpPath() {
    }

    static Path check(JsonNode value) throws FunctionException {
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw FunctionException.badArgument("heap_dump takes the file to write as a string, e.g. "
                    + "heap_dump(\"/tmp/orders.hprof\"), got " + value);
        }
        String written = value.textValue();
        Path path;
        try {
            path = Path.of(written);
        } catch (InvalidPathException e) {
            throw FunctionException.badArgument("'" + Echo.of(written) + "' is not a file path: " + e.getReason());
        }
        if (!written.endsWith(".hprof")) {
            throw FunctionException.badArgument("the JVM writes heap dumps only to files ending in .hprof "
                    + "(its heap dumper refuses others), e.g. heap_dump(\"" + Echo.of(suggestion(path).toString()) + "\")");
        }
        if (!path.isAbsolute()) {
            Path there = Path.of(System.getProperty("user.dir")).resolve(path).normalize();
            throw FunctionException.badArgument("heap_dump needs an absolute path: '" + Echo.of(written) + "' would be "
                    + Echo.of(there.toString()) + " in the node's working directory; write heap_dump(\""
                    + Echo.of(there.toString()) + "\") if that is what you mean");
        }
        path = path.normalize();
        if (Files.exists(path)) {
            throw FunctionException.badArgument(Echo.of(path.toString()) + " already exists on the node; heap_dump never overwrites a file, "
                    + "give a new name");
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
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long free = usableSpace(parent);
        if (free >= 0 && free < heapUsed) {
            throw FunctionException.badArgument(parent + " has " + free / MIB + " MiB free on the node, and the heap in use "
                    + "is " + heapUsed / MIB + " MiB; a dump of the live objects can be as large, so pick a disk with room");
        }
        return path;
    }

    private static long usableSpace(Path directory) {
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            return -1; // unknown: the dump itself will say if the disk fills
        }
    }

    private static String suggestion(Path path) {
        String name = path.getFileName() == null ? "heap" : path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path parent = path.isAbsolute() && path.getParent() != null ? path.getParent() : Path.of("/tmp");
        return parent.resolve(name + ".hprof").toString();
    }
}
