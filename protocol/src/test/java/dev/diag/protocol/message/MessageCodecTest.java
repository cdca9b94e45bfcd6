package dev.diag.protocol.message;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    @Test
    void roundTripsARequest() throws Exception {
        Message request = new Message.Request(7, "memory", List.of(TextNode.valueOf("heap"), IntNode.valueOf(3)));
        assertEquals(request, roundTrip(request));
        assertEquals(json("{\"id\":7,\"fn\":\"memory\",\"args\":[\"heap\",3]}"), json(MessageCodec.encode(request)));
    }

    @Test
    void readsARequestWithoutArgsAsNoArgs() throws Exception {
        assertEquals(new Message.Request(1, "i", List.of()), MessageCodec.decode(bytes("{\"id\":1,\"fn\":\"i\"}")));
    }

    @Test
    void roundTripsASuccessfulReply() throws Exception {
        Message reply = Message.Reply.success(7, Map.of("heap", 123, "threads", List.of("main")));
        assertEquals(reply, roundTrip(reply));
    }

    @Test
    void roundTripsAFailedReplyWithoutAResultField() throws Exception {
        Message reply = Message.Reply.failure(7, new CallError(CallError.UNKNOWN_FUNCTION, "no function memroy/0"));
        assertEquals(reply, roundTrip(reply));
        assertTrue(!json(MessageCodec.encode(reply)).has("result"));
    }

    @Test
    void roundTripsAChunk() throws Exception {
        Message chunk = new Message.Chunk(9, List.of(json("{\"tid\":1}"), json("{\"tid\":2}")));
        assertEquals(chunk, roundTrip(chunk));
    }

    @Test
    void marksAnEndWithEndTrueAndRoundTripsIt() throws Exception {
        Message end = new Message.End(9, true, json("{\"rows\":2}"), null);
        assertEquals(true, json(MessageCodec.encode(end)).get("end").asBoolean());
        assertEquals(end, roundTrip(end));
        Message cut = new Message.End(9, false, null, new CallError(CallError.CANCELLED, "cancelled"));
        assertEquals(cut, roundTrip(cut));
    }

    @Test
    void roundTripsACancel() throws Exception {
        Message cancel = new Message.Cancel(9);
        assertEquals(cancel, roundTrip(cancel));
        assertEquals(json("{\"cancel\":9}"), json(MessageCodec.encode(cancel)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "42", "\"text\"", "null", "true", "", "   "})
    void refusesJsonThatIsNotAnObject(String payload) {
        refusedByBoth(bytes(payload));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"id\":1}", "{\"id\":1,\"result\":{}}", "{\"hello\":\"world\"}"})
    void refusesAnObjectOfNoKnownKind(String payload) {
        refusedByBoth(bytes(payload));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"fn\":\"memory\"}", "{\"ok\":true}", "{\"chunk\":[]}", "{\"end\":true,\"ok\":true}"})
    void refusesAMessageWithoutAnId(String payload) {
        refusedByBoth(bytes(payload));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"seven\",\"fn\":\"memory\"}", "{\"id\":1,\"fn\":\"i\",\"args\":5}",
        "{\"id\":1,\"chunk\":{}}", "{\"cancel\":\"x\"}", "{\"id\":1,\"ok\":true", "{\"id\":1,\"ok\":tru}"})
    void refusesFieldsOfTheWrongShapeOrBrokenJson(String payload) {
        refusedByBoth(bytes(payload));
    }

    @Test
    void refusesRandomGarbage() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            if (i % 2 == 0 && garbage.length > 0) {
                garbage[0] = '{'; // get past the first byte into the parser
            }
            refusedByBoth(garbage);
        }
    }

    @Test
    void refusesJsonNested1000Deep() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        refusedByBoth(bytes(deep));
        String deepArgs = "{\"id\":1,\"fn\":\"memory\",\"args\":[" + deep + "]}";
        refusedByBoth(bytes(deepArgs));
        String deepObjects = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);
        refusedByBoth(bytes(deepObjects));
    }

    @Test
    void refusesAnythingAfterTheMessage() {
        refusedByBoth(bytes("{\"cancel\":1} garbage"));
        refusedByBoth(bytes("{\"cancel\":1}{\"cancel\":2}"));
    }

    /** Read back as the shell reads it and as the agent does (JsonTreeReader), which must agree. */
    private static Message roundTrip(Message message) throws MalformedMessageException {
        byte[] payload = MessageCodec.encode(message);
        Message read = MessageCodec.decode(payload);
        assertEquals(read, MessageCodec.decodeOnNode(payload));
        return read;
    }

    private static void refusedByBoth(byte[] payload) {
        assertThrows(MalformedMessageException.class, () -> MessageCodec.decode(payload));
        assertThrows(MalformedMessageException.class, () -> MessageCodec.decodeOnNode(payload));
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    private static JsonNode json(byte[] bytes) throws Exception {
        return Json.mapper().readTree(bytes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
