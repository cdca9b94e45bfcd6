package dev.diag.protocol.frame;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SessionMacTest {

    @Test
    void computesHmacSha256AsRfc4231TestCase2() {
        byte[] expected = HexFormat.of().parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        byte[] data = "what do ya want for nothing?".getBytes(US_ASCII);
        assertArrayEquals(expected, new SessionMac("Jefe".getBytes(US_ASCII)).compute(data, 0, data.length));
        assertArrayEquals(expected, SessionMac.hmac("Jefe".getBytes(US_ASCII), data));
    }

    @Test
    void macsTheConcatenationOfItsParts() {
        byte[] key = "k".getBytes(US_ASCII);
        assertArrayEquals(SessionMac.hmac(key, "abcdef".getBytes(US_ASCII)),
                SessionMac.hmac(key, "ab".getBytes(US_ASCII), new byte[0], "cdef".getBytes(US_ASCII)));
    }

    @Test
    void startsAfreshForEachFrame() {
        SessionMac mac = new SessionMac("k".getBytes(US_ASCII));
        byte[] data = "xxhelloxx".getBytes(US_ASCII);
        byte[] first = mac.compute(data, 2, 5);
        assertArrayEquals(first, mac.compute(data, 2, 5));
        assertArrayEquals(first, SessionMac.hmac("k".getBytes(US_ASCII), "hello".getBytes(US_ASCII)));
    }

    @Test
    void equalComparesContentAndLength() {
        assertTrue(SessionMac.equal(new byte[] {1, 2, 3}, new byte[] {1, 2, 3}));
        assertFalse(SessionMac.equal(new byte[] {1, 2, 3}, new byte[] {1, 2, 4}));
        assertFalse(SessionMac.equal(new byte[] {1, 2, 3}, new byte[] {1, 2}));
    }
}
