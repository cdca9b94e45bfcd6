package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UnixSocket behaves as DiagClient expects of a Socket: bytes both ways, a read timeout, close that wakes a reader. */
class UnixSocketTest {
    @TempDir
    Path dir;

    @Test
    void carriesBytesBothWays() throws Exception {
        try (ServerSocketChannel server = listen(); UnixSocket socket = UnixSocket.connect(dir.resolve("s"));
                SocketChannel peer = server.accept()) {
            socket.getOutputStream().write(new byte[] {1, 2, 3});
            ByteBuffer got = ByteBuffer.allocate(3);
            while (got.hasRemaining()) {
                peer.read(got);
            }
            assertArrayEquals(new byte[] {1, 2, 3}, got.array());
            peer.write(ByteBuffer.wrap(new byte[] {9}));
            assertEquals(9, socket.getInputStream().read());
        }
    }

    @Test
    void aReadWithATimeoutEndsInSocketTimeoutExceptionWhenNothingComes() throws Exception {
        try (ServerSocketChannel server = listen(); UnixSocket socket = UnixSocket.connect(dir.resolve("s"));
                SocketChannel peer = server.accept()) {
            socket.setSoTimeout(200);
            long start = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150));
        }
    }

    @Test
    void closingFromAnotherThreadEndsAReadThatWaitsForever() throws Exception {
        try (ServerSocketChannel server = listen(); UnixSocket socket = UnixSocket.connect(dir.resolve("s"));
                SocketChannel peer = server.accept()) {
            InputStream in = socket.getInputStream();
            CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    in.read();
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            Thread.sleep(200);
            socket.close();
            assertTrue(reader.get(5, TimeUnit.SECONDS) instanceof IOException);
        }
    }

    @Test
    void aPathTooLongForASocketAddressIsRefusedWithTheReason() {
        Path longPath = dir.resolve("x".repeat(120));
        IOException e = assertThrows(IOException.class, () -> UnixSocket.connect(longPath));
        assertTrue(e.getMessage().contains("longer than the 107 bytes"), e.getMessage());
    }

    private ServerSocketChannel listen() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("s")));
        return server;
    }
}
