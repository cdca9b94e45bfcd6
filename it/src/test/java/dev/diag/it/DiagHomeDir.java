package dev.diag.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private DIAG_HOME for one test: its own cookie and node registry, removed afterwards, and its
 * own directory port (a free one, never 4370), which the targets and shells of this home get in
 * DIAG_DIRECTORY_PORT: so a test finds its own nodes by name exactly as a user does, and no other
 * diag node on this machine, of another cookie, can answer for them.
 */
public final class DiagHomeDir implements AutoCloseable {
    private final Path dir;
    private final int directoryPort;

    public DiagHomeDir() throws IOException {
        dir = Files.createTempDirectory("diag-it-home");
        directoryPort = freePort();
    }

    public Path path() {
        return dir;
    }

    /** The directory port of this home's nodes and shells. */
    public int directoryPort() {
        return directoryPort;
    }

    /** A port free on loopback now; the kernel hands out ephemeral ports in turn, so it stays free for a while. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
