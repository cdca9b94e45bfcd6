package dev.diag.protocol.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Message to frame payload and back, field by field as docs/protocol.md lists them. The kind of
 * a message is told by which fields it has. Mapped by hand rather than by data binding: the wire
 * format stays visible here, every field is checked for its JSON type (no lenient coercion of
 * {@code "id": null} to 0), and a one-shot client skips Jackson's per-class introspection.
 */
public final class MessageCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MessageCodec() {
    }

    public static byte[] encode(Message message) {
        return JsonTree.bytes(toTree(message));
    }

    public static Message decode(byte[] payload) throws MalformedMessageException {
        return decode(payload, false);
    }

    /**
     * As {@link #decode}, for the agent: the same messages from the same bytes, read by
     * {@link JsonTreeReader} instead of Jackson's parser, which a fresh node's first call would
     * load and start (and on JDK 25 BigDecimal with it) to read a few dozen bytes.
     */
    public static Message decodeOnNode(byte[] payload) throws MalformedMessageException {
        return decode(payload, true);
    }

    private static Message decode(byte[] payload, boolean onNode) throws MalformedMessageException {
        JsonNode tree;
        try {
            tree = onNode ? JsonTreeReader.parse(payload) : JsonTree.parse(payload);
        } catch (IOException e) {
            throw new MalformedMessageException("message is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedMessageException("message is not a JSON object");
        }
        if (tree.has("cancel")) {
            return new Message.Cancel(id(tree, "cancel"));
        }
        long id = id(tree, "id");
        if (tree.has("fn")) {
            return new Message.Request(id, text(tree, "fn"), array(tree, "args", true));
        }
        if (tree.has("chunk")) {
            return new Message.Chunk(id, array(tree, "chunk", false));
        }
        if (tree.has("end")) {
            if (!bool(tree, "end")) {
                throw new MalformedMessageException("'end' must be true when present");
            }
            return new Message.End(id, bool(tree, "ok"), tree.get("result"), error(tree));
        }
        if (tree.has("ok")) {
            return new Message.Reply(id, bool(tree, "ok"), tree.get("result"), error(tree));
        }
        throw new MalformedMessageException("message is none of request, reply, chunk, end or cancel");
    }

    private static ObjectNode toTree(Message message) {
        ObjectNode tree = NODES.objectNode();
        if (message instanceof Message.Request request) {
            tree.put("id", request.id()).put("fn", request.fn());
            tree.putArray("args").addAll(request.args());
        } else if (message instanceof Message.Reply reply) {
            outcome(tree.put("id", reply.id()), reply.ok(), reply.result(), reply.error());
        } else if (message instanceof Message.Chunk chunk) {
            tree.put("id", chunk.id()).putArray("chunk").addAll(chunk.chunk());
        } else if (message instanceof Message.End end) {
            outcome(tree.put("id", end.id()).put("end", true), end.ok(), end.result(), end.error());
        } else if (message instanceof Message.Cancel cancel) {
            tree.put("cancel", cancel.cancel());
        }
        return tree;
    }

    private static void outcome(ObjectNode tree, boolean ok, JsonNode result, CallError error) {
        tree.put("ok", ok);
        if (result != null && !result.isNull()) {
            tree.set("result", result);
        }
        if (error != null) {
            tree.putObject("error").put("code", error.code()).put("message", error.message());
        }
    }

    private static long id(JsonNode tree, String field) throws MalformedMessageException {
        JsonNode id = tree.get(field);
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            throw new MalformedMessageException("'" + field + "' must be an integer");
        }
        return id.longValue();
    }

    private static String text(JsonNode tree, String field) throws MalformedMessageException {
        JsonNode value = tree.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedMessageException("'" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode tree, String field) throws MalformedMessageException {
        JsonNode value = tree.get(field);
        if (value == null || !value.isBoolean()) {
            throw new MalformedMessageException("'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static List<JsonNode> array(JsonNode tree, String field, boolean optional) throws MalformedMessageException {
        JsonNode value = tree.get(field);
        if (value == null && optional) {
            return List.of();
        }
        if (!(value instanceof ArrayNode items)) {
            throw new MalformedMessageException("'" + field + "' must be an array");
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) { // not forEach(list::add): a method reference is linked on first use
            list.add(items.get(i));
        }
        return list;
    }

    private static CallError error(JsonNode tree) throws MalformedMessageException {
        JsonNode error = tree.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        if (!error.isObject()) {
            throw new MalformedMessageException("'error' must be an object");
        }
        return new CallError(text(error, "code"), text(error, "message"));
    }
}
