package dev.diag.protocol.cookie;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CookieFileTest {
    private static final String SECRET_TEXT = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7";
    private static final byte[] PROBE = "probe".getBytes(US_ASCII);

    @TempDir
    Path tmp;

    @Test
    void createsA64HexCharFileReadableOnlyByItsOwnerInAPrivateDirectory() throws Exception {
        Path dir = tmp.resolve("home/.diag");
        Path file = dir.resolve("cookie");
        CookieFile.loadOrCreate(file);

        assertTrue(Files.readString(file, US_ASCII).strip().matches("[0-9a-f]{64}"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void returnsTheSameCookieOnTheNextLoad() throws Exception {
        Path file = tmp.resolve("cookie");
        byte[] first = CookieFile.loadOrCreate(file).hmac(PROBE);
        assertArrayEquals(first, CookieFile.loadOrCreate(file).hmac(PROBE));
        assertArrayEquals(first, CookieFile.load(file).hmac(PROBE));
    }

    @Test
    void usesTheFileTextAsTheKeySoItCanBeCopiedByHand() throws Exception {
        Path file = privateFile(SECRET_TEXT + "\n");
        assertArrayEquals(new Cookie(SECRET_TEXT.getBytes(US_ASCII)).hmac(PROBE), CookieFile.loadOrCreate(file).hmac(PROBE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--:0644", "rw-r-----:0640", "rw----r--:0604", "rw--w----:0620", "rwx---rwx:0707"})
    void refusesAFileOthersMayReadOrChangeSayingHowToFixIt(String modeAndOctal) throws Exception {
        String[] parts = modeAndOctal.split(":");
        Path file = privateFile(SECRET_TEXT);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(parts[0]));

        CookieException e = assertThrows(CookieException.class, () -> CookieFile.loadOrCreate(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET_TEXT), e.getMessage());
    }

    @Test
    void acceptsAReadOnlyFileOfItsOwner() throws Exception {
        Path file = privateFile(SECRET_TEXT);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertArrayEquals(new Cookie(SECRET_TEXT.getBytes(US_ASCII)).hmac(PROBE), CookieFile.loadOrCreate(file).hmac(PROBE));
    }

    @Test
    void refusesADirectoryInPlaceOfTheFile() throws Exception {
        Path file = Files.createDirectory(tmp.resolve("cookie"));
        CookieException e = assertThrows(CookieException.class, () -> CookieFile.loadOrCreate(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void refusesAnEmptyOrHugeFileWithoutQuotingIt() throws Exception {
        CookieException empty = assertThrows(CookieException.class, () -> CookieFile.loadOrCreate(privateFile(" \n")));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());

        CookieException huge = assertThrows(CookieException.class,
                () -> CookieFile.loadOrCreate(privateFile(SECRET_TEXT.repeat(100))));
        assertFalse(huge.getMessage().contains(SECRET_TEXT), huge.getMessage());
    }

    @Test
    void concurrentFirstUsesAllAgreeOnOneSecret() throws Exception {
        Path file = tmp.resolve("fresh/.diag/cookie");
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[]>> macs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<byte[]> load = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return CookieFile.loadOrCreate(file).hmac(PROBE);
                };
                macs.add(pool.submit(load));
            }
            List<byte[]> results = new ArrayList<>();
            for (Future<byte[]> mac : macs) {
                try {
                    results.add(mac.get(10, TimeUnit.SECONDS));
                } catch (TimeoutException e) {
                    throw new AssertionError("a first use of the cookie file did not finish within 10 s", e);
                }
            }
            byte[] onDisk = new Cookie(Files.readString(file, US_ASCII).strip().getBytes(US_ASCII)).hmac(PROBE);
            for (byte[] result : results) {
                assertArrayEquals(onDisk, result);
            }
        } finally {
            pool.shutdownNow();
        }
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary files are left behind");
        }
    }

    private Path privateFile(String content) throws Exception {
        Path file = tmp.resolve("cookie");
        Files.writeString(file, content, US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
