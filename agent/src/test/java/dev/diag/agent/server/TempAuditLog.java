package dev.diag.agent.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** An {@link AuditLog} in a private temporary directory, removed by {@link #close()}. */
final class TempAuditLog implements AutoCloseable {
    private final Path dir;
    private final AuditLog log;

    TempAuditLog() {
        this(AuditLog.DEFAULT_CAP_BYTES);
    }

    TempAuditLog(long capBytes) {
        try {
            dir = Files.createTempDirectory("diag-audit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log = new AuditLog(file(), EmbeddedAgent.NAME, capBytes);
    }

    AuditLog log() {
        return log;
    }

    Path file() {
        return dir.resolve("audit.log");
    }

    /** The lines written so far; none when the file was never made. */
    List<String> lines() throws IOException {
        return Files.exists(file()) ? Files.readAllLines(file()) : List.of();
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
