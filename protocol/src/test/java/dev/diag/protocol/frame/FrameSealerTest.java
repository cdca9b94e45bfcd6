package dev.diag.protocol.frame;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameSealerTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(US_ASCII);

    @Test
    void numbersFramesFromZeroUpward() {
        FrameSealer sealer = new FrameSealer(KEY);
        for (long expected = 0; expected < 5; expected++) {
            assertEquals(expected, ByteBuffer.wrap(sealer.seal(new byte[3])).getLong());
        }
    }

    @Test
    void laysOutSequencePayloadThenMacOfBoth() {
        byte[] payload = "{\"cancel\":3}".getBytes(US_ASCII);
        byte[] body = new FrameSealer(KEY).seal(payload);
        int macAt = SessionMac.SEQ_BYTES + payload.length;
        assertEquals(macAt + SessionMac.MAC_BYTES, body.length);
        assertArrayEquals(payload, Arrays.copyOfRange(body, SessionMac.SEQ_BYTES, macAt));
        assertArrayEquals(SessionMac.hmac(KEY, Arrays.copyOf(body, macAt)), Arrays.copyOfRange(body, macAt, body.length));
    }

    @Test
    void sealsTheSamePayloadDifferentlyEachTime() {
        FrameSealer sealer = new FrameSealer(KEY);
        byte[] payload = "same".getBytes(US_ASCII);
        assertFalse(Arrays.equals(sealer.seal(payload), sealer.seal(payload)));
    }
}
