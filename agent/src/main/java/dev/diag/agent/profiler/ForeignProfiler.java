package dev.diag.agent.profiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Another async-profiler already in this process: the application's own, an {@code -agentpath}
 * one, or another tool's (Arthas 4 copies it to {@code /tmp/ArthasJniLibrary<digits>.tmp} for its
 * {@code profiler} command). Two copies would each install their own handlers for the same signals,
 * so diag loads none beside one. The names say too little, so this reads the process's memory map
 * for executable files and looks inside each for async-profiler's JNI entry point; the JDK's and
 * the system's own library directories, files over {@value #MAX_BYTES} bytes (async-profiler's is
 * about 0.5 MB), and diag's own copy (extracted into {@code diag-profiler-*}, deleted) are skipped,
 * so a call reads a few small files at most.
 *
 * <pre>
 * ForeignProfiler.loadedIn(Path.of("/proc/self/maps"), javaHome)  // Optional[/tmp/ArthasJniLibrary8088....tmp]
 * </pre>
 */
final class ForeignProfiler {
    static final long MAX_BYTES = 8 * 1024 * 1024;
    /** async-profiler's library exports it, whatever the file is called. */
    private static final byte[] MARK = "Java_one_profiler_AsyncProfiler_".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> SYSTEM_DIRS = List.of("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/");

    private ForeignProfiler() {
    }

    /** The path of an async-profiler library mapped in {@code maps} that diag did not load; empty where none or no such file. */
    static Optional<String> loadedIn(Path maps, String javaHome) {
        if (!Files.isReadable(maps)) {
            return Optional.empty(); // not Linux: nothing to read, and nothing known
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.filter(line -> line.contains(" r-x")) // code: a library's executable mapping
                    .map(ForeignProfiler::path).distinct()
                    .filter(path -> !path.isEmpty() && !path.endsWith(" (deleted)") && !path.contains("/diag-profiler-")
                            && !path.startsWith(javaHome) && SYSTEM_DIRS.stream().noneMatch(path::startsWith))
                    .filter(ForeignProfiler::isAsyncProfiler).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The path column of a maps line ({@code address perms offset dev inode path}), "" for anonymous memory. */
    private static String path(String line) {
        int slash = line.indexOf('/');
        return slash < 0 ? "" : line.substring(slash);
    }

    private static boolean isAsyncProfiler(String path) {
        try {
            Path file = Path.of(path);
            return Files.isRegularFile(file) && Files.size(file) <= MAX_BYTES && contains(Files.readAllBytes(file), MARK);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean contains(byte[] data, byte[] mark) {
        outer:
        for (int i = 0; i + mark.length <= data.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (data[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
