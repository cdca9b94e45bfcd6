package dev.diag.agent.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few DER encodings (ITU-T X.690) a minimal X.509 certificate needs: every value is
 * tag, length, content; lengths under 128 take one byte, longer ones 0x80|n and then n bytes.
 *
 * <pre>
 * sequence(integer(BigInteger.TWO), utf8("diag node"))  →  30 0e 02 01 02 0c 09 64 69 61 67 20 6e 6f 64 65
 * </pre>
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0c;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 on. */
    private static final Instant YEAR_2050 = Instant.parse("2050-01-01T00:00:00Z");

    private Der() {
    }

    static byte[] value(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        out.writeBytes(length(content.length));
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] encoded = new byte[1 + bytes];
        encoded[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            encoded[bytes - i] = (byte) (length >>> (8 * i));
        }
        return encoded;
    }

    static byte[] sequence(byte[]... members) {
        return value(SEQUENCE, concat(members));
    }

    static byte[] set(byte[]... members) {
        return value(SET, concat(members));
    }

    /** Two's complement, shortest form: BigInteger's own encoding is exactly DER's. */
    static byte[] integer(BigInteger n) {
        return value(INTEGER, n.toByteArray());
    }

    /** A BIT STRING of whole bytes: the first content byte says 0 bits are unused. */
    static byte[] bitString(byte[] bits) {
        return value(BIT_STRING, concat(new byte[] {0}, bits));
    }

    static byte[] utf8(String text) {
        return value(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An X.509 Time: UTCTime before 2050, GeneralizedTime after, whole seconds. */
    static byte[] time(Instant instant) {
        if (instant.isBefore(YEAR_2050)) {
            return value(UTC_TIME, UTC.format(instant).getBytes(StandardCharsets.US_ASCII));
        }
        return value(GENERALIZED_TIME, GENERALIZED.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    /** [n] EXPLICIT: the context-specific constructed tag around a whole encoded value. */
    static byte[] explicit(int n, byte[] encoded) {
        return value(0xa0 | n, encoded);
    }

    /** An OBJECT IDENTIFIER in dotted form: the first two arcs share a byte, the rest base 128. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return value(OID, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long arc) {
        int groups = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(arc) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int seven = (int) (arc >>> (7 * i)) & 0x7f;
            out.write(i == 0 ? seven : seven | 0x80);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
