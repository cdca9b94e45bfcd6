package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pipes of a real child process: {@code cat} echoes what the session writes. */
class TunnelWireTest {

    @Test
    void carriesBytesBothWaysThroughTheCommandsPipes() throws Exception {
        try (TunnelWire wire = TunnelWire.start(new ViaCommand("cat"), "db1", 4370)) {
            wire.readTimeout(10_000);
            wire.output().write(new byte[] {1, 2, 3});
            wire.output().flush();
            byte[] back = wire.input().readNBytes(3);
            assertArrayEquals(new byte[] {1, 2, 3}, back);
        }
    }

    @Test
    void aReadWaitsNoLongerThanTheTimeout() throws Exception {
        try (TunnelWire wire = TunnelWire.start(new ViaCommand("cat"), "db1", 4370)) {
            wire.readTimeout(200);
            long start = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> wire.input().read());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000);
        }
    }

    @Test
    void closingWakesAWaitingReadAndReapsTheCommand() throws Exception {
        TunnelWire wire = TunnelWire.start(new ViaCommand("cat"), "db1", 4370);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return wire.input().read();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        wire.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> read.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, e.getCause().getCause());
        assertFalse(wire.process().isAlive(), "the command outlived its wire");
    }

    @Test
    void aCommandThatExitsQuietlyIsTheEndOfTheStreamAndOneThatFailsSaysWhy() throws Exception {
        try (TunnelWire quiet = TunnelWire.start(new ViaCommand("true"), "db1", 4370)) {
            quiet.readTimeout(10_000);
            assertEquals(-1, quiet.input().read());
        }
        try (TunnelWire failing = TunnelWire.start(new ViaCommand("echo 'db1: Permission denied (publickey).' >&2; "
                + "exit 255"), "db1", 4370)) {
            failing.readTimeout(10_000);
            TunnelException e = assertThrows(TunnelException.class, () -> failing.input().read());
            assertEquals("ssh refused the login (db1: Permission denied (publickey))", e.getMessage());
        }
    }
}
