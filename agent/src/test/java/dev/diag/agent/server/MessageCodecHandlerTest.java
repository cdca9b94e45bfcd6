package dev.diag.agent.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class MessageCodecHandlerTest {
    private static final String[] BAD_PAYLOADS = {"not json", "[1]", "{\"fn\":\"memory\"}", "{\"id\":1}", ""};

    private final EmbeddedChannel channel = new EmbeddedChannel(new MessageCodecHandler());

    @Test
    void decodesARequestPayload() {
        channel.writeInbound((Object) "{\"id\":3,\"fn\":\"memory\",\"args\":[\"heap\"]}".getBytes(UTF_8));
        Message.Request request = channel.readInbound();
        assertEquals(3, request.id());
        assertEquals("memory", request.fn());
        assertEquals("heap", request.args().get(0).asText());
        assertFalse(channel.finish());
    }

    @Test
    void decodesACancelPayload() {
        channel.writeInbound((Object) "{\"cancel\":3}".getBytes(UTF_8));
        assertEquals(new Message.Cancel(3), channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void encodesAReplyAsItsJsonPayload() throws Exception {
        channel.writeOutbound(Message.Reply.failure(4, new CallError(CallError.BUSY, "later")));
        Message.Reply reply = (Message.Reply) MessageCodec.decode(channel.readOutbound());
        assertEquals(4, reply.id());
        assertEquals(CallError.BUSY, reply.error().code());
        assertFalse(channel.finish());
    }

    @Test
    void passesNothingOnForAPayloadThatIsNotAMessageAndKeepsTheChannelOpen() {
        for (String payload : BAD_PAYLOADS) {
            channel.writeInbound((Object) payload.getBytes(UTF_8));
            assertNull(channel.readInbound(), payload);
        }
        assertTrue(channel.isOpen(), "an authenticated client's bad message does not end the session");
        while (channel.readOutbound() != null) {
            // the answers, checked by the next test
        }
        assertFalse(channel.finish());
    }

    /** Regression (fixed in b6a1702): the answer was written from the codec's own context, skipping its encoder. */
    @Test
    void answersAPayloadThatIsNotAMessageWithAnEncodedMalformedReplyUnderIdZero() throws Exception {
        for (String payload : BAD_PAYLOADS) {
            channel.writeInbound((Object) payload.getBytes(UTF_8));
            Object written = channel.readOutbound();
            assertInstanceOf(byte[].class, written, () -> payload + " answered with " + written);
            Message.Reply reply = (Message.Reply) MessageCodec.decode((byte[]) written);
            assertEquals(0, reply.id(), payload);
            assertEquals(CallError.MALFORMED, reply.error().code(), payload);
        }
        assertFalse(channel.finish());
    }

    @Test
    void passesInboundObjectsThatAreNotPayloadsOnUnchanged() {
        Object text = "not a payload";
        Object number = 42;
        channel.writeInbound(text, number);
        assertSame(text, channel.readInbound());
        assertSame(number, channel.readInbound());
        assertNull(channel.readOutbound(), "nothing answered");
        assertFalse(channel.finish());
    }

    @Test
    void passesOutboundObjectsThatAreNotMessagesOnUnchanged() {
        Object bytes = new byte[] {1, 2, 3};
        Object text = "already encoded";
        channel.writeOutbound(bytes, text);
        assertSame(bytes, channel.readOutbound());
        assertSame(text, channel.readOutbound());
        assertFalse(channel.finish());
    }

    @Test
    void aMessageThatCannotBeEncodedFailsItsWriteWithoutThrowingEvenWhenThePromiseIsAlreadyDone() throws Exception {
        MessageCodecHandler codec = new MessageCodecHandler();
        EmbeddedChannel own = new EmbeddedChannel(codec);
        ChannelHandlerContext ctx = own.pipeline().context(codec);
        Message unencodable = new Message.Chunk(7, null);

        ChannelPromise open = own.newPromise();
        codec.write(ctx, unencodable, open);
        assertFalse(open.isSuccess());
        assertInstanceOf(RuntimeException.class, open.cause());

        ChannelPromise cancelled = own.newPromise();
        cancelled.cancel(false);
        assertDoesNotThrow(() -> codec.write(ctx, unencodable, cancelled)); // setFailure threw here
        assertTrue(cancelled.isCancelled());
        assertNull(own.readOutbound(), "nothing written");
        assertFalse(own.finish());
    }
}
