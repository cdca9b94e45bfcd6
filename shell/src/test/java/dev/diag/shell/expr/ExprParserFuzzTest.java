package dev.diag.shell.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.diag.protocol.message.Echo;
import dev.diag.protocol.message.MalformedMessageException;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import java.nio.charset.StandardCharsets;

/**
 * Any line a user can type or a script can pipe in: it is a call whose request the node's
 * decoder takes as it was sent, or a {@link ParseException} whose sentence is one line quoting
 * at most {@link Echo#MAX_CHARS} characters of it; nothing else (no StackOverflowError, no
 * runtime exception). Inputs that once failed are kept in {@code ExprParserFuzzTestInputs/}.
 */
class ExprParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyLineIsACallTheWireTakesOrOneShortSentence(byte[] typed) throws MalformedMessageException {
        String line = new String(typed, StandardCharsets.UTF_8);
        Call call;
        try {
            call = ExprParser.parse(line);
        } catch (ParseException refused) {
            String sentence = refused.sentence();
            assertEquals(-1, sentence.indexOf('\n'), sentence);
            assertTrue(sentence.length() <= 100 + Echo.MAX_CHARS + refused.getMessage().length(), sentence);
            assertEquals(2, refused.pointer().split(System.lineSeparator(), -1).length, refused.pointer());
            return;
        }
        assertTrue(call.text().length() <= Echo.MAX_CHARS, call.text());
        byte[] sent = MessageCodec.encode(new Message.Request(1, call.function(), call.jsonArgs()));
        assertArrayEquals(sent, MessageCodec.encode(MessageCodec.decode(sent)), "the node would read another call");
    }
}
