package dev.diag.shell.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.diag.protocol.frame.FrameLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class files {@code bin/diag load} sends: the files named, every {@code .class} file
 * under each directory named and in each jar named ({@link JarClassFiles}), in the order given, read whole and base64-encoded into one
 * argument, {@code [{"source": "build/Foo.class", "bytes": "yv66vg...", "optional": false}, ...]};
 * a file found in a directory or jar is optional: the node leaves it out when its class is not
 * loaded and no class of the set uses it, where a file named is defined as a new class. The whole set
 * travels in one request, so it must fit one frame: {@value FrameLimits#DEFAULT_MAX} bytes by
 * default (the node's {@code max-frame=}), and base64 makes the files a third larger.
 */
final class ClassFiles {
    /** Room in the frame for the request around the files: id, function name, sequence number, MAC. */
    static final int ENVELOPE = 4096;

    private ClassFiles() {
    }

    /**
     * A class file to send: a file, or the {@code entry} of a jar at {@code path}, read already; optional when
     * found in a directory or jar given rather than named.
     */
    record Found(Path path, String entry, byte[] entryBytes, boolean optional) {
        Found(Path path, boolean optional) {
            this(path, null, null, optional);
        }

        /** How messages name it: {@code build/Foo.class}, {@code patch.jar!/shop/Foo.class}. */
        String source() {
            return entry == null ? path.toString() : path + "!/" + entry;
        }
    }

    /** The files, in the order given; a directory contributes its class files sorted by path. */
    static List<Found> collect(List<Path> given) throws DiagException {
        List<Found> files = new ArrayList<>();
        for (Path path : given) {
            if (Files.isDirectory(path)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(path)) {
                    found = walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p)).sorted().toList();
                } catch (IOException e) {
                    throw new DiagException(ExitCode.USAGE, "cannot read the directory " + path + ": " + e.getMessage() + ".");
                }
                if (found.isEmpty()) {
                    throw new DiagException(ExitCode.USAGE, "there are no .class files under " + path + ".");
                }
                found.forEach(f -> files.add(new Found(f, true)));
            } else if (Files.isRegularFile(path) && JarClassFiles.isJar(path)) {
                files.addAll(JarClassFiles.list(path));
            } else if (Files.isRegularFile(path)) {
                files.add(new Found(path, false));
            } else {
                throw new DiagException(ExitCode.USAGE, "there is no file or directory " + path + ".");
            }
        }
        return files;
    }

    /** The argument of code:load_binary or code:check_upgrade for {@code files}, refused when it cannot fit a frame. */
    static ArrayNode argument(List<Found> files) throws DiagException {
        ArrayNode argument = JsonNodeFactory.instance.arrayNode();
        long onDisk = 0;
        long encoded = ENVELOPE;
        for (Found found : files) {
            byte[] bytes = found.entry() == null ? read(found.path()) : found.entryBytes();
            String base64 = Base64.getEncoder().encodeToString(bytes);
            onDisk += bytes.length;
            encoded += base64.length() + found.source().length() + 64;
            argument.addObject().put("source", found.source()).put("bytes", base64).put("optional", found.optional());
        }
        if (encoded > FrameLimits.DEFAULT_MAX) {
            throw new DiagException(ExitCode.USAGE, (files.size() == 1 ? "the class file comes to "
                    : "the " + files.size() + " class files come to ") + mib(onDisk)
                    + " MiB, " + mib(encoded) + " MiB as base64 in one request: more than one frame carries (16 MiB, the "
                    + "node's default max-frame=), and one request is what makes the load atomic; load fewer classes "
                    + "at a time, each set with the classes its new code needs.");
        }
        return argument;
    }

    private static byte[] read(Path file) throws DiagException {
        try {
            long size = Files.size(file);
            if (size > FrameLimits.DEFAULT_MAX) {
                throw tooLarge(file.toString(), size);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DiagException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage() + ".");
        }
    }

    static DiagException tooLarge(String source, long size) {
        return new DiagException(ExitCode.USAGE, source + " is " + size + " bytes, larger than a frame may carry; "
                + "a class file is rarely over a few hundred KiB: is it a class file?");
    }

    static String mib(long bytes) {
        long tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        return tenths / 10 + "." + tenths % 10;
    }
}
