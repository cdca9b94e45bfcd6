package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
    private static final long KIB = 1024;
    private static final long MIB = KIB * 1024;
    private static final long GIB = MIB * 1024;

    @Test
    void showsFewerThan1024BytesExactly() {
        assertEquals("0 B", Units.bytes(0));
        assertEquals("1 B", Units.bytes(1));
        assertEquals("1023 B", Units.bytes(1023));
    }

    @Test
    void showsThreeSignificantFiguresFrom1KiB() {
        assertEquals("1.00 KiB", Units.bytes(KIB));
        assertEquals("1.50 KiB", Units.bytes(1536));
        assertEquals("10.0 MiB", Units.bytes(10 * MIB));
        assertEquals("42.0 MiB", Units.bytes(42 * MIB));
        assertEquals("512 MiB", Units.bytes(512 * MIB));
        assertEquals("1.00 GiB", Units.bytes(GIB));
        assertEquals("1.00 TiB", Units.bytes(GIB * 1024));
    }

    @Test
    void staysInPebibytesForTheLargestCounts() {
        assertEquals("8192 PiB", Units.bytes(Long.MAX_VALUE));
    }

    @Test
    void putsTheSignBeforeANegativeFigure() {
        assertEquals("-1.50 KiB", Units.bytes(-1536));
        assertEquals("-5 B", Units.bytes(-5));
    }

    @Test
    void showsTheMostNegativeLong() {
        assertEquals("-8192 PiB", Units.bytes(Long.MIN_VALUE));
    }

    @Test
    void roundsUpIntoTheNextUnitWithThreeFigures() {
        assertEquals("10.0 KiB", Units.bytes(10239));
        assertEquals("100 KiB", Units.bytes(102399));
        assertEquals("1.00 MiB", Units.bytes(MIB - 1));
    }

    @Test
    void showsAnAbsentLimitAsADash() {
        assertEquals("-", Units.bytesOrDash(null));
        assertEquals("512 MiB", Units.bytesOrDash(512 * MIB));
    }

    @Test
    void showsDurationsInMillisecondsSecondsOrMinutes() {
        assertEquals("0 ms", Units.millis(0));
        assertEquals("999 ms", Units.millis(999));
        assertEquals("1.0 s", Units.millis(1000));
        assertEquals("1.5 s", Units.millis(1500));
        assertEquals("1 min 0 s", Units.millis(60_000));
        assertEquals("2 min 5 s", Units.millis(125_000));
    }

    @Test
    void separatesThousandsWithCommasWhateverTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("4,812", Units.count(4812));
            assertEquals("0", Units.count(0));
            assertEquals("1,000,000", Units.count(1_000_000));
            assertEquals("-4,812", Units.count(-4812));
            assertEquals("1.50 KiB", Units.bytes(1536));
            assertEquals("1.5 s", Units.millis(1500));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void showsASharePercentWithThreeSignificantFigures() {
        assertEquals("0.00%", Units.percent(0));
        assertEquals("0.57%", Units.percent(340 / 60_000.0));
        assertEquals("19.0%", Units.percent(0.19));
        assertEquals("100%", Units.percent(0.99999));
        assertEquals("150%", Units.percent(1.5));
        assertEquals("0.00%", Units.percent(-0.1), "a share is never negative");
    }
}
