package dev.diag.protocol.node;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.diag.protocol.message.JsonStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link NodeRecord} as the JSON of its registry file (docs/protocol.md, "Node registry"),
 * written and read with Jackson's streaming generator and parser alone: every agent writes its
 * record at start and reads it back when it stops, and a tree of Jackson's data binding for these
 * few fields loaded a hundred classes into every idle JVM. Field order and number text are those
 * the tree wrote. Reading is as strict as it was: one JSON object and nothing after it; unknown
 * fields are skipped; a field given twice counts as its last value; anything missing or of the
 * wrong type makes the whole record unreadable.
 */
final class NodeRecordJson {
    /** The value of a field that is present but neither text, a whole number that fits a long, nor a boolean. */
    private static final Object OTHER = new Object();
    /** A field that is present and null. */
    private static final Object NULL = new Object();

    private NodeRecordJson() {
    }

    static byte[] write(NodeRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JsonStreams.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("name", record.name());
            json.writeNumberField("pid", record.pid());
            json.writeStringField("bind", record.bind());
            json.writeNumberField("port", record.port());
            json.writeStringField("jvm", record.jvm());
            json.writeNumberField("startedAtMillis", record.startedAtMillis());
            if (record.speaksTls()) {
                json.writeBooleanField("tls", true);
            }
            if (record.startTicks() != null) {
                json.writeNumberField("startTicks", record.startTicks());
            }
            if (record.cookieFingerprint() != null) {
                json.writeStringField("cookieFingerprint", record.cookieFingerprint());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    static NodeRecord read(byte[] bytes) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser json = JsonStreams.FACTORY.createParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a node record");
            }
            for (JsonToken t = json.nextToken(); t != JsonToken.END_OBJECT; t = json.nextToken()) {
                String field = json.currentName();
                fields.put(field, value(json, json.nextToken()));
            }
            if (json.nextToken() != null) {
                throw new IOException("content after the node record");
            }
        }
        long port = number(fields, "port");
        if (port < 1 || port > 65535) {
            throw new IOException("node record with port " + port);
        }
        Object ticks = fields.get("startTicks");
        Object fingerprint = fields.get("cookieFingerprint");
        return new NodeRecord(text(fields, "name"), number(fields, "pid"), text(fields, "bind"), (int) port,
                text(fields, "jvm"), number(fields, "startedAtMillis"),
                ticks == null || ticks == NULL ? null : number(fields, "startTicks"),
                fingerprint == null || fingerprint == NULL ? null : text(fields, "cookieFingerprint"), flag(fields, "tls"));
    }

    /** One field's value; an object or array (no field of a record is one) is skipped whole. */
    private static Object value(JsonParser json, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("node record cut short");
        }
        return switch (token) {
            case VALUE_STRING -> json.getText();
            case VALUE_NUMBER_INT -> json.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? OTHER : json.getLongValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            case START_OBJECT, START_ARRAY -> {
                json.skipChildren();
                yield OTHER;
            }
            default -> OTHER;
        };
    }

    /** An optional flag: absent (a record of before the flag) is false; anything but a boolean is unreadable. */
    private static boolean flag(Map<String, Object> fields, String field) throws IOException {
        Object value = fields.get(field);
        if (value == null || value == NULL) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw new IOException("node record with " + field + " not true or false");
        }
        return flag;
    }

    private static String text(Map<String, Object> fields, String field) throws IOException {
        if (!(fields.get(field) instanceof String text)) {
            throw new IOException("node record without " + field);
        }
        return text;
    }

    private static long number(Map<String, Object> fields, String field) throws IOException {
        if (!(fields.get(field) instanceof Long number)) {
            throw new IOException("node record without " + field);
        }
        return number;
    }
}
