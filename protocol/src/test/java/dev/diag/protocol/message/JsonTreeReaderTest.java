package dev.diag.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent's request reader against Jackson's parser (JsonTree.parse): the same trees, the same refusals. */
class JsonTreeReaderTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":1,\"fn\":\"memory\",\"args\":[\"heap\"]}",
        "{\"cancel\":7}",
        " \t\r\n{ \"id\" : 9 , \"fn\" : \"top\" , \"args\" : [ 5 , 1000 ] } \n",
        "{\"id\":2,\"fn\":\"process_info\",\"args\":[{\"pid\":61,\"deep\":{\"a\":[[],{},[null,true,false]]}}]}",
        "[0, -0, 1, -1, 2147483647, 2147483648, -2147483648, -2147483649, 9223372036854775807]",
        "[9223372036854775808, -9223372036854775808, -9223372036854775809, 123456789012345678901234567890]",
        "[1000000000000000000, 999999999999999999, -999999999999999999, 0.5, -0.0, 1e3, 1E-3, 2.5e+10, 1e400, 4.9e-325]",
        "[\"\", \"plain\", \"q\\\"b\\\\s\\/f\\b\\f\\n\\r\\t\", \"\\u0041\\u00e9\\u20ac\\ud83d\\ude00\", \"\\ud800 lone\", \"\\uDC00\"]",
        "[\"é €  😀 ß\"]",
        "{\"a\":1,\"a\":2,\"b\":3}",
        "\"a bare string\"",
        "42",
        "true",
        "null",
        "{\"\":\"\"}",
    })
    void readsWhatJacksonReadsIntoTheSameTree(String json) throws IOException {
        sameAsJackson(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{", "}", "[", "]", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "[01]", "[-01]", "[00]",
        "[1.]", "[.5]", "[-]", "[+1]", "[1e]", "[1e+]", "[NaN]", "[Infinity]", "[tru]", "[truex]", "[nul]", "[True]",
        "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12G4\"", "\"tab\tinside\"", "{} {}", "[1] x", "1 2",
        "[1 2]", "{\"a\":1 \"b\":2}", "/* c */ 1", "[1]//", "\"\\", "[\"\\u00\"]", "{\"a\"}", "{,}", "[,]", "-",
    })
    void refusesWhatJacksonRefuses(String json) {
        refusedByBoth(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesMalformedUtf8AsJacksonDoes() {
        refusedByBoth(new byte[] {'"', (byte) 0xff, '"'});
        refusedByBoth(new byte[] {'"', (byte) 0x80, '"'});
        refusedByBoth(new byte[] {'"', (byte) 0xc3, '"'});
        refusedByBoth(new byte[] {'"', (byte) 0xe2, (byte) 0x82, '"'});
        refusedByBoth(new byte[] {'"', (byte) 0xf0, (byte) 0x9f, (byte) 0x98, '"'});
    }

    @Test
    void nestsAsDeepAsJacksonAllowsAndNoDeeper() throws IOException {
        sameAsJackson(("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH)).getBytes(StandardCharsets.US_ASCII));
        refusedByBoth(("[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1)).getBytes(StandardCharsets.US_ASCII));
        refusedByBoth(("{\"a\":".repeat(Json.MAX_DEPTH + 1) + "1" + "}".repeat(Json.MAX_DEPTH + 1))
                .getBytes(StandardCharsets.US_ASCII));
        refusedByBoth("[".repeat(100_000).getBytes(StandardCharsets.US_ASCII)); // no stack overflow: refused at 65
    }

    @Test
    void refusesNumbersAndNamesOverJacksonsLimits() throws IOException {
        sameAsJackson(("[" + "9".repeat(JsonTreeReader.MAX_NUMBER_CHARS) + "]").getBytes(StandardCharsets.US_ASCII));
        refusedByBoth(("[" + "9".repeat(JsonTreeReader.MAX_NUMBER_CHARS + 1) + "]").getBytes(StandardCharsets.US_ASCII));
        sameAsJackson(("{\"" + "n".repeat(JsonTreeReader.MAX_NAME_BYTES) + "\":1}").getBytes(StandardCharsets.US_ASCII));
        refusedByBoth(("{\"" + "n".repeat(JsonTreeReader.MAX_NAME_BYTES + 1) + "\":1}").getBytes(StandardCharsets.US_ASCII));
        // a name's limit is in bytes, as Jackson's: 25,001 two-byte letters are 50,002 bytes
        refusedByBoth(("{\"" + "\u00e9".repeat(JsonTreeReader.MAX_NAME_BYTES / 2 + 1) + "\":1}").getBytes(StandardCharsets.UTF_8));
        // a sign and a '.' count here, not in Jackson's count of digits: the reader refuses more
        int digits = JsonTreeReader.MAX_NUMBER_CHARS;
        sameAsJackson(("[-" + "9".repeat(digits - 1) + "]").getBytes(StandardCharsets.US_ASCII));
        refusedByReaderOnly(("[-" + "9".repeat(digits) + "]").getBytes(StandardCharsets.US_ASCII));
        refusedByBoth(("[-" + "9".repeat(digits + 1) + "]").getBytes(StandardCharsets.US_ASCII));
        sameAsJackson(("[" + "9".repeat(500) + "." + "9".repeat(digits - 501) + "]").getBytes(StandardCharsets.US_ASCII));
        refusedByReaderOnly(("[" + "9".repeat(500) + "." + "9".repeat(digits - 500) + "]").getBytes(StandardCharsets.US_ASCII));
        refusedByBoth(("[" + "9".repeat(500) + "." + "9".repeat(digits - 499) + "]").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsOnlyUtf8WithoutAByteOrderMarkWhereJacksonAlsoReadsOthers() throws IOException {
        refusedByReaderOnly(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'});
        refusedByReaderOnly("[\"a\"]".getBytes(StandardCharsets.UTF_16LE));
        refusedByReaderOnly("{}".getBytes(StandardCharsets.UTF_16BE));
        sameAsJackson(new byte[] {'"', (byte) 0xc0, (byte) 0xaf, '"'}); // an overlong '/' is not refused: both read it alike
        // escapes count as written in a name: 10,000 escaped letters are 60,000 bytes here, 20,000 to Jackson
        refusedByReaderOnly(("{\"" + "\\u00e9".repeat(10_000) + "\":1}").getBytes(StandardCharsets.US_ASCII));
    }

    /** Jackson reads {@code json}; the reader refuses it (see JsonTreeReader's javadoc for why). */
    private static void refusedByReaderOnly(byte[] json) throws IOException {
        JsonTree.parse(json);
        assertThrows(IOException.class, () -> JsonTreeReader.parse(json));
    }

    @Test
    void readsRandomTreesAsJacksonDoes() throws IOException {
        Random random = new Random(20);
        for (int i = 0; i < 2_000; i++) {
            sameAsJackson(JsonTree.bytes(randomValue(random, 0)));
        }
    }

    @Test
    void agreesWithJacksonOnRandomlyDamagedText() throws IOException {
        Random random = new Random(21);
        byte[] damage = "{}[],:\"\\ 0123456789-+.eEtrufalsn/x\t\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 5_000; i++) {
            byte[] json = JsonTree.bytes(randomValue(random, 0));
            for (int hits = 1 + random.nextInt(3); hits > 0; hits--) {
                json[random.nextInt(json.length)] = damage[random.nextInt(damage.length)];
            }
            JsonNode expected;
            try {
                expected = JsonTree.parse(json);
            } catch (IOException e) {
                refusedByBoth(json);
                continue;
            }
            assertEquals(expected, JsonTreeReader.parse(json), new String(json, StandardCharsets.UTF_8));
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 7 : 9);
        switch (kind) {
            case 0:
                return NODES.numberNode(random.nextInt());
            case 1:
                return NODES.numberNode(random.nextLong());
            case 2:
                return NODES.numberNode(new BigInteger(64 + random.nextInt(100), random).negate());
            case 3:
                return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4:
                return NODES.textNode(randomText(random));
            case 5:
                return NODES.booleanNode(random.nextBoolean());
            case 6:
                return NODES.nullNode();
            case 7: {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(randomText(random), randomValue(random, depth + 1));
                }
                return object;
            }
        }
    }

    private static String randomText(Random random) {
        String alphabet = "ab \"\\/\b\f\n\r\t\u0001\u001f\u007féß€\u2028😀";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return text.toString();
    }

    private static void sameAsJackson(byte[] json) throws IOException {
        JsonNode expected = JsonTree.parse(json);
        JsonNode actual = JsonTreeReader.parse(json);
        assertEquals(expected, actual, new String(json, StandardCharsets.UTF_8));
    }

    private static void refusedByBoth(byte[] json) {
        String shown = new String(json, StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> JsonTree.parse(json), () -> "Jackson accepts " + shown);
        assertThrows(IOException.class, () -> JsonTreeReader.parse(json), () -> "the reader accepts " + shown);
    }
}
