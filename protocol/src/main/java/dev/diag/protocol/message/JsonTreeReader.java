package dev.diag.protocol.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 JSON text to the same tree {@link JsonTree#parse} makes, without Jackson's parser: the
 * agent reads each request through here. Jackson's parser is the biggest single thing a fresh
 * node's first call loaded (a dozen classes, UTF8StreamJsonParser among the largest), and on
 * JDK 25 its base class's static BigDecimal constants run BigDecimal's initialiser, which squares
 * its way to large powers of five: about 20 ms of interpreted arithmetic on a node's first call.
 *
 * <p>Strict RFC 8259, as Jackson's defaults are: no comments, no trailing commas, no leading
 * zeros, no NaN, no unescaped control characters, no bytes after the value; at most
 * {@link Json#MAX_DEPTH} levels of nesting, {@link #MAX_NUMBER_CHARS} characters in a number and
 * {@link #MAX_NAME_BYTES} bytes in a field name (Jackson's limits). Integers become int, long or
 * BigInteger nodes by size and numbers with a fraction or exponent double nodes, as Jackson's.
 *
 * <p>It refuses at least what Jackson refuses, and a little more: a number's length counts its
 * sign, '.', 'e' and exponent sign, which Jackson's does not (a '-' and 1,000 digits is refused
 * here, read by Jackson); a name's counts escapes as written; and only UTF-8 without a byte order
 * mark is read, where Jackson also reads a BOM and UTF-16 or UTF-32 text. The shell sends none of
 * these. {@code JsonTreeReaderTest} holds the two to the same trees, the same refusals, and these
 * differences.
 */
public final class JsonTreeReader {
    /** Jackson's default maxNumberLength: a longer number could make BigInteger's parse slow. */
    static final int MAX_NUMBER_CHARS = 1000;
    /**
     * Jackson's default maxNameLength, which Jackson counts in the name's UTF-8 bytes; counted here
     * in the bytes as written between the quotes, never fewer than Jackson's (an escape is more).
     */
    static final int MAX_NAME_BYTES = 50_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final byte[] in;
    private int at;
    private int depth;

    private JsonTreeReader(byte[] in) {
        this.in = in;
    }

    /** Parses exactly one JSON value; anything but whitespace after it is an error. */
    public static JsonNode parse(byte[] json) throws IOException {
        JsonTreeReader reader = new JsonTreeReader(json);
        if (reader.skipSpace() < 0) {
            throw new IOException("no JSON value");
        }
        JsonNode value = reader.value();
        if (reader.skipSpace() >= 0) {
            throw reader.error("content after the JSON value");
        }
        return value;
    }

    private JsonNode value() throws IOException {
        int c = skipSpace();
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                at++;
                return NODES.textNode(string());
            case 't':
                word("true");
                return NODES.booleanNode(true);
            case 'f':
                word("false");
                return NODES.booleanNode(false);
            case 'n':
                word("null");
                return NODES.nullNode();
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw error(c < 0 ? "the text ends where a value should be" : "no value starts here");
        }
    }

    private ObjectNode object() throws IOException {
        ObjectNode object = NODES.objectNode();
        if (opensEmpty('}')) {
            return object;
        }
        do {
            if (skipSpace() != '"') {
                throw error("a field name should be here");
            }
            at++;
            int nameStart = at;
            String name = string();
            if (at - 1 - nameStart > MAX_NAME_BYTES) { // the bytes between the quotes, escapes as written
                throw error("a field name longer than " + MAX_NAME_BYTES + " bytes");
            }
            if (skipSpace() != ':') {
                throw error("a ':' should follow the field name");
            }
            at++;
            object.set(name, value()); // a repeated name keeps its place and takes the last value, as Jackson's tree does
        } while (!closes('}'));
        return object;
    }

    private ArrayNode array() throws IOException {
        ArrayNode array = NODES.arrayNode();
        if (opensEmpty(']')) {
            return array;
        }
        do {
            array.add(value());
        } while (!closes(']'));
        return array;
    }

    /** Past the opening byte, one level deeper; true (and past {@code close}) if nothing is inside. */
    private boolean opensEmpty(char close) throws IOException {
        if (++depth > Json.MAX_DEPTH) {
            throw error("nested more than " + Json.MAX_DEPTH + " deep");
        }
        at++;
        if (skipSpace() == close) {
            at++;
            depth--;
            return true;
        }
        return false;
    }

    /** After a member: true past {@code close}, false past a comma; anything else is an error. */
    private boolean closes(char close) throws IOException {
        int c = skipSpace();
        at++;
        if (c == close) {
            depth--;
            return true;
        }
        if (c != ',') {
            throw error("a ',' or '" + close + "' should be here");
        }
        return false;
    }

    /** The string whose opening quote was just read, up to and past its closing one. */
    private String string() throws IOException {
        int start = at;
        while (at < in.length && in[at] != '"' && in[at] != '\\' && in[at] >= 0x20) {
            at++; // plain ASCII, the common case: one copy, no builder
        }
        if (at < in.length && in[at] == '"') {
            return new String(in, start, at++ - start, StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder(at - start + 16);
        for (int i = start; i < at; i++) {
            text.append((char) in[i]);
        }
        while (true) {
            if (at >= in.length) {
                throw error("the text ends inside a string");
            }
            int b = in[at++] & 0xff;
            if (b == '"') {
                return text.toString();
            } else if (b == '\\') {
                escape(text);
            } else if (b < 0x20) {
                throw error("a control character must be escaped in a string");
            } else if (b < 0x80) {
                text.append((char) b);
            } else {
                utf8(text, b);
            }
        }
    }

    private void escape(StringBuilder text) throws IOException {
        if (at >= in.length) {
            throw error("the text ends inside a string");
        }
        int c = in[at++];
        switch (c) {
            case '"', '\\', '/' -> text.append((char) c);
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case 'u' -> {
                if (at + 4 > in.length) {
                    throw error("the text ends inside a \\u escape");
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(in[at++], 16);
                    if (digit < 0) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    code = code << 4 | digit;
                }
                text.append((char) code); // a lone surrogate stays one char, as in Jackson's tree
            }
            default -> throw error("no such escape in JSON");
        }
    }

    /** One multi-byte UTF-8 character whose first byte {@code first} was just read. */
    private void utf8(StringBuilder text, int first) throws IOException {
        int more;
        int code;
        if ((first & 0xe0) == 0xc0) {
            more = 1;
            code = first & 0x1f;
        } else if ((first & 0xf0) == 0xe0) {
            more = 2;
            code = first & 0x0f;
        } else if ((first & 0xf8) == 0xf0) {
            more = 3;
            code = first & 0x07;
        } else {
            throw error("not UTF-8");
        }
        for (int i = 0; i < more; i++) {
            if (at >= in.length || (in[at] & 0xc0) != 0x80) {
                throw error("not UTF-8");
            }
            code = code << 6 | in[at++] & 0x3f;
        }
        if (more == 3) {
            if (code < 0x10000 || code > Character.MAX_CODE_POINT) {
                throw error("not UTF-8");
            }
            text.appendCodePoint(code);
        } else {
            text.append((char) code);
        }
    }

    private JsonNode number() throws IOException {
        int start = at;
        boolean negative = in[at] == '-';
        if (negative) {
            at++;
        }
        int digits = at;
        if (at < in.length && in[at] == '0') {
            at++;
        } else {
            skipDigits("a digit should follow '-'");
        }
        boolean integral = true;
        if (at < in.length && in[at] == '.') {
            at++;
            integral = false;
            skipDigits("a digit should follow '.'");
        }
        if (at < in.length && (in[at] == 'e' || in[at] == 'E')) {
            at++;
            integral = false;
            if (at < in.length && (in[at] == '+' || in[at] == '-')) {
                at++;
            }
            skipDigits("a digit should follow the exponent's 'e'");
        }
        if (at < in.length && (in[at] >= '0' && in[at] <= '9' || in[at] == '.')) {
            throw error("no leading zeros in a JSON number");
        }
        if (at - start > MAX_NUMBER_CHARS) {
            throw error("a number longer than " + MAX_NUMBER_CHARS + " characters");
        }
        String text = new String(in, start, at - start, StandardCharsets.ISO_8859_1);
        if (!integral) {
            return NODES.numberNode(Double.parseDouble(text));
        }
        if (at - digits <= 18) { // fits a long
            long value = Long.parseLong(text);
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        BigInteger value = new BigInteger(text);
        return value.bitLength() < Long.SIZE ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }

    private void skipDigits(String otherwise) throws IOException {
        int start = at;
        while (at < in.length && in[at] >= '0' && in[at] <= '9') {
            at++;
        }
        if (at == start) {
            throw error(otherwise);
        }
    }

    private void word(String word) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            if (at >= in.length || in[at++] != word.charAt(i)) {
                throw error("no such word in JSON");
            }
        }
        if (at < in.length && Character.isJavaIdentifierPart(in[at])) { // "truely" is no word, as for Jackson
            throw error("no such word in JSON");
        }
    }

    /** Skips whitespace; the next byte, not consumed, or -1 at the end. */
    private int skipSpace() {
        while (at < in.length) {
            byte b = in[at];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b & 0xff;
            }
            at++;
        }
        return -1;
    }

    private IOException error(String what) {
        return new IOException(what + " (byte " + at + ")");
    }
}
