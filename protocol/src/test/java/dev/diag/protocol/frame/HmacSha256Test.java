package dev.diag.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void matchesTheTestVectorsOfRfc4231() {
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                hmac(bytes(0x0b, 20), "Hi There".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hmac("Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
                hmac(bytes(0xaa, 20), bytes(0xdd, 50)));
        // test case 6: a key longer than the block is hashed first
        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                hmac(bytes(0xaa, 131), "Test Using Larger Than Block-Size Key - Hash Key First"
                        .getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void agreesWithTheJceMacOnRandomKeysAndMessages() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] key = new byte[random.nextInt(200) + 1];
            byte[] message = new byte[random.nextInt(3000)];
            random.nextBytes(key);
            random.nextBytes(message);
            Mac jce = Mac.getInstance("HmacSHA256");
            jce.init(new SecretKeySpec(key, "HmacSHA256"));
            assertArrayEquals(jce.doFinal(message), SessionMac.hmac(key, message), "round " + round);
        }
    }

    @Test
    void isReusableAfterEachResult() {
        HmacSha256 mac = new HmacSha256("key".getBytes(StandardCharsets.US_ASCII));
        byte[] a = "first".getBytes(StandardCharsets.US_ASCII);
        mac.update(a);
        byte[] once = mac.doFinal();
        mac.update(a);
        assertArrayEquals(once, mac.doFinal());
    }

    private static String hmac(byte[] key, byte[] message) {
        return HEX.formatHex(SessionMac.hmac(key, message));
    }

    private static byte[] bytes(int value, int count) {
        byte[] bytes = new byte[count];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
