package dev.diag.protocol.frame;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameIOTest {

    @Test
    void readsBackFramesWrittenBackToBack() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[][] bodies = {"first".getBytes(US_ASCII), new byte[0], new byte[FrameLimits.PRE_AUTH_MAX], "last".getBytes(US_ASCII)};
        for (byte[] body : bodies) {
            FrameIO.write(out, body);
        }
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        for (byte[] body : bodies) {
            assertArrayEquals(body, FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
        }
        assertEquals(-1, in.read());
    }

    @Test
    void writesABigEndianLengthThenTheBody() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] body = new byte[0x010203];
        Arrays.fill(body, (byte) 7);
        FrameIO.write(out, body);
        byte[] frame = out.toByteArray();
        assertEquals(FrameLimits.HEADER_BYTES + body.length, frame.length);
        assertArrayEquals(new byte[] {0, 1, 2, 3}, Arrays.copyOf(frame, 4));
        assertArrayEquals(body, Arrays.copyOfRange(frame, 4, frame.length));
    }

    @Test
    void writesHeaderAndBodyInOneWriteSoAFlushCannotSplitAFrame() throws IOException {
        int[] writes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                writes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes[0]++;
            }
        };
        FrameIO.write(counting, "payload".getBytes(US_ASCII));
        assertEquals(1, writes[0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x80000000, 0x7fffffff, 0xffffffff, FrameLimits.DEFAULT_MAX + 1})
    void refusesAnOversizedLengthWithoutReadingOrAllocatingTheBody(int declared) {
        HeaderOnly in = new HeaderOnly(declared);
        assertThrows(FrameTooLargeException.class, () -> FrameIO.read(in, FrameLimits.DEFAULT_MAX));
        assertEquals(FrameLimits.HEADER_BYTES, in.consumed);
    }

    @Test
    void capsFramesBeforeAuthenticationAt4KiB() throws IOException {
        assertEquals(4096, FrameLimits.PRE_AUTH_MAX);
        assertEquals(4096, FrameIO.read(withBody(new byte[4096]), FrameLimits.PRE_AUTH_MAX).length);
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> FrameIO.read(new HeaderOnly(4097), FrameLimits.PRE_AUTH_MAX));
        assertTrue(e.getMessage().contains("4097") && e.getMessage().contains("4096"), e.getMessage());
    }

    @Test
    void throwsEofWhenTheBodyIsCutShort() {
        byte[] frame = framed(new byte[10]);
        InputStream in = new ByteArrayInputStream(Arrays.copyOf(frame, frame.length - 5));
        assertThrows(EOFException.class, () -> FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
    }

    @Test
    void throwsEofWhenTheHeaderIsCutShort() {
        InputStream in = new ByteArrayInputStream(new byte[] {0, 0});
        assertThrows(EOFException.class, () -> FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
    }

    @Test
    void throwsEofSayingThePeerClosedOnAnEmptyStream() {
        EOFException e = assertThrows(EOFException.class,
                () -> FrameIO.read(new ByteArrayInputStream(new byte[0]), FrameLimits.PRE_AUTH_MAX));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    private static InputStream withBody(byte[] body) {
        return new ByteArrayInputStream(framed(body));
    }

    private static byte[] framed(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            FrameIO.write(out, body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** Holds only a 4-byte header; reading past it fails the test. */
    private static final class HeaderOnly extends InputStream {
        private final byte[] header;
        int consumed;

        HeaderOnly(int declared) {
            header = new byte[] {(byte) (declared >>> 24), (byte) (declared >>> 16), (byte) (declared >>> 8), (byte) declared};
        }

        @Override
        public int read() {
            if (consumed >= header.length) {
                fail("read past the header of an oversized frame");
            }
            return header[consumed++] & 0xff;
        }
    }
}
