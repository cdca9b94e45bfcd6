package dev.diag.protocol.cookie;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CookieTest {
    private static final String SECRET = "c0ffee0123456789c0ffee0123456789";

    @Test
    void toStringDoesNotRevealTheSecret() {
        String shown = new Cookie(SECRET.getBytes(US_ASCII)).toString();
        assertFalse(shown.contains(SECRET), shown);
        assertFalse(shown.contains("c0ffee"), shown);
    }

    @Test
    void macsDependOnTheSecret() {
        byte[] data = "transcript".getBytes(US_ASCII);
        assertArrayEquals(new Cookie(SECRET.getBytes(US_ASCII)).hmac(data), new Cookie(SECRET.getBytes(US_ASCII)).hmac(data));
        assertFalse(Arrays.equals(new Cookie(SECRET.getBytes(US_ASCII)).hmac(data), new Cookie("other".getBytes(US_ASCII)).hmac(data)));
    }

    @Test
    void keepsItsOwnCopyOfTheSecret() {
        byte[] secret = SECRET.getBytes(US_ASCII);
        Cookie cookie = new Cookie(secret);
        byte[] before = cookie.hmac("x".getBytes(US_ASCII));
        Arrays.fill(secret, (byte) 0);
        assertArrayEquals(before, cookie.hmac("x".getBytes(US_ASCII)));
    }

    @Test
    void refusesAnEmptySecret() {
        assertThrows(IllegalArgumentException.class, () -> new Cookie(new byte[0]));
    }
}
