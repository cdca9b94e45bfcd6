package dev.diag.agent.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Another async-profiler already in this process: the application's own, or another tool's (Arthas
 * loads {@code libasyncProfiler-linux-x64.so} for its {@code profiler} command). Two copies of the
 * library would each install their own handlers for the same signals, so diag loads none beside
 * one; it finds them in the process's memory map, where every loaded library is listed with its
 * path. diag's own copy, extracted into {@code diag-profiler-*} and deleted, is not foreign.
 *
 * <pre>
 * ForeignProfiler.loadedIn(Path.of("/proc/self/maps"))  // Optional[/opt/arthas/async-profiler/libasyncProfiler-linux-x64.so]
 * </pre>
 */
final class ForeignProfiler {
    private ForeignProfiler() {
    }

    /** The path of an async-profiler library mapped in {@code maps} that diag did not load; empty where none or no such file. */
    static Optional<String> loadedIn(Path maps) {
        if (!Files.isReadable(maps)) {
            return Optional.empty(); // not Linux: nothing to read, and nothing known
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.map(ForeignProfiler::path)
                    .filter(path -> path.contains("libasyncProfiler") && !path.contains("/diag-profiler-"))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The path column of a maps line ({@code address perms offset dev inode path}), "" for anonymous memory. */
    private static String path(String line) {
        int slash = line.indexOf('/');
        return slash < 0 ? "" : line.substring(slash).replace(" (deleted)", "");
    }
}
