package dev.diag.protocol.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Message to frame payload and back. The kind of a message is told by which fields it has. */
public final class MessageCodec {
    private MessageCodec() {
    }

    public static byte[] encode(Message message) {
        try {
            return Json.mapper().writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    public static Message decode(byte[] payload) throws MalformedMessageException {
        ObjectMapper mapper = Json.mapper();
        try {
            JsonNode tree = mapper.readTree(payload);
            if (tree == null || !tree.isObject()) {
                throw new MalformedMessageException("message is not a JSON object");
            }
            Class<? extends Message> type = kindOf(tree);
            if (!tree.has("id") && type != Message.Cancel.class) {
                throw new MalformedMessageException("message has no id");
            }
            return mapper.treeToValue(tree, type);
        } catch (MalformedMessageException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedMessageException("message is not valid JSON of a known kind");
        }
    }

    private static Class<? extends Message> kindOf(JsonNode tree) throws MalformedMessageException {
        if (tree.has("cancel")) {
            return Message.Cancel.class;
        }
        if (tree.has("fn")) {
            return Message.Request.class;
        }
        if (tree.has("chunk")) {
            return Message.Chunk.class;
        }
        if (tree.has("end")) {
            return Message.End.class;
        }
        if (tree.has("ok")) {
            return Message.Reply.class;
        }
        throw new MalformedMessageException("message is none of request, reply, chunk, end or cancel");
    }
}
