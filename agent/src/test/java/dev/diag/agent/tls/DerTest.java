package dev.diag.agent.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerTest {

    @Test
    void lengthsUnder128TakeOneByteLongerOnesSayHowManyFollow() {
        assertEquals("00", hex(Der.length(0)));
        assertEquals("7f", hex(Der.length(127)));
        assertEquals("8180", hex(Der.length(128)));
        assertEquals("81ff", hex(Der.length(255)));
        assertEquals("820100", hex(Der.length(256)));
        assertEquals("82ffff", hex(Der.length(65_535)));
        assertEquals("83010000", hex(Der.length(65_536)));
    }

    @Test
    void aLongValueCarriesItsLongLength() {
        byte[] encoded = Der.value(Der.SEQUENCE, new byte[300]);
        assertEquals("3082012c", hex(encoded).substring(0, 8));
        assertEquals(4 + 300, encoded.length);
    }

    @Test
    void objectIdentifiersAsX690Spells() {
        assertEquals("06082a8648ce3d040302", hex(Der.oid(SelfSignedCertificate.ECDSA_WITH_SHA256)));
        assertEquals("0603550403", hex(Der.oid(SelfSignedCertificate.COMMON_NAME)));
        assertEquals("06092a864886f70d01010b", hex(Der.oid("1.2.840.113549.1.1.11"))); // sha256WithRSAEncryption
    }

    @Test
    void integersAreShortestTwosComplement() {
        assertEquals("020102", hex(Der.integer(BigInteger.TWO)));
        assertEquals("02020080", hex(Der.integer(BigInteger.valueOf(128)))); // a leading 0 keeps it positive
        assertEquals("020100", hex(Der.integer(BigInteger.ZERO)));
    }

    @Test
    void timesBefore2050AreUtcTimeAndLaterOnesGeneralizedTime() {
        assertEquals("170d" + ascii("261207041500Z"), hex(Der.time(Instant.parse("2026-12-07T04:15:00Z"))));
        assertEquals("180f" + ascii("20500101000000Z"), hex(Der.time(Instant.parse("2050-01-01T00:00:00Z"))));
        assertEquals("180f" + ascii("99991231235959Z"), hex(Der.time(SelfSignedCertificate.NO_EXPIRY)));
    }

    @Test
    void sequencesSetsStringsBitStringsAndExplicitTags() {
        assertEquals("300e020102" + "0c09" + ascii("diag node"), hex(Der.sequence(Der.integer(BigInteger.TWO),
                Der.utf8("diag node"))));
        assertEquals("3103020102", hex(Der.set(Der.integer(BigInteger.TWO))));
        assertEquals("030300abcd", hex(Der.bitString(new byte[] {(byte) 0xab, (byte) 0xcd})));
        assertEquals("a003020102", hex(Der.explicit(0, Der.integer(BigInteger.TWO))));
    }

    private static String ascii(String text) {
        return HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
