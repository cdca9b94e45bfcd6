package dev.diag.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private DIAG_HOME for one test: its own cookie and node registry, removed afterwards. */
public final class DiagHomeDir implements AutoCloseable {
    private final Path dir;

    public DiagHomeDir() throws IOException {
        dir = Files.createTempDirectory("diag-it-home");
    }

    public Path path() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
