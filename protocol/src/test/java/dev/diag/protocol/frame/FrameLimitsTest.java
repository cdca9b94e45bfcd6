package dev.diag.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrameLimitsTest {

    @Test
    void acceptsLengthsFromZeroUpToTheCap() {
        assertDoesNotThrow(() -> FrameLimits.check(0, 100));
        assertDoesNotThrow(() -> FrameLimits.check(100, 100));
    }

    @Test
    void refusesALengthOverTheCap() {
        assertThrows(FrameTooLargeException.class, () -> FrameLimits.check(101, 100));
        assertThrows(FrameTooLargeException.class, () -> FrameLimits.check(1L << 32, Integer.MAX_VALUE));
    }

    @Test
    void refusesANegativeLength() {
        assertThrows(FrameTooLargeException.class, () -> FrameLimits.check(-1, 100));
    }
}
