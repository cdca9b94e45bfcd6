package dev.diag.protocol.message;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text to tree and back with Jackson's streaming core alone. Frames, registry records and
 * {@code --json} lines go through here, not through an ObjectMapper, whose start-up (tens of
 * milliseconds) would be most of what a one-shot {@code diag --cmd} costs. The limits are
 * {@link JsonStreams}'s; nothing may follow the value.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = JsonStreams.FACTORY;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {
    }

    /** Parses exactly one JSON value; trailing content is an error. */
    public static JsonNode parse(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("no JSON value");
            }
            JsonNode value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IOException("content after the JSON value");
            }
            return value;
        }
    }

    public static byte[] bytes(JsonNode value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * A generator with the same settings as {@link #bytes}, writing into {@code out}; closing it
     * flushes but does not close {@code out}.
     */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** One line of JSON text, e.g. for {@code --json} output. */
    public static String text(JsonNode value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    private static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String field = parser.currentName();
                    object.set(field, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(read(parser, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected JSON token " + token);
        }
    }

    static void write(JsonGenerator out, JsonNode value) throws IOException {
        if (value.isObject()) {
            out.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.writeFieldName(field.getKey());
                write(out, field.getValue());
            }
            out.writeEndObject();
        } else if (value.isArray()) {
            out.writeStartArray();
            for (JsonNode item : value) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value.isTextual()) {
            out.writeString(value.textValue());
        } else if (value.isBoolean()) {
            out.writeBoolean(value.booleanValue());
        } else if (value.isIntegralNumber()) {
            if (value.canConvertToLong()) {
                out.writeNumber(value.longValue());
            } else {
                out.writeNumber(value.bigIntegerValue());
            }
        } else if (value.isNumber()) {
            out.writeNumber(value.doubleValue());
        } else {
            out.writeNull();
        }
    }
}
