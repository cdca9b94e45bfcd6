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

    @Test
    void sealingInPlaceGivesTheBodiesSealGives() {
        FrameSealer copying = new FrameSealer(KEY);
        FrameSealer inPlace = new FrameSealer(KEY);
        for (String text : new String[] {"{\"id\":1,\"chunk\":[]}", "", "{\"cancel\":3}"}) {
            byte[] payload = text.getBytes(US_ASCII);
            int at = 4; // room before the body, as a frame's length prefix takes
            byte[] frame = new byte[at + SessionMac.SEQ_BYTES + payload.length + SessionMac.MAC_BYTES + 3];
            System.arraycopy(payload, 0, frame, at + SessionMac.SEQ_BYTES, payload.length);
            inPlace.sealInPlace(frame, at, payload.length);
            byte[] body = copying.seal(payload);
            assertArrayEquals(body, Arrays.copyOfRange(frame, at, at + body.length), text);
            assertArrayEquals(new byte[3], Arrays.copyOfRange(frame, at + body.length, frame.length), "nothing past the MAC");
        }
    }
}
