package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Typed fields of a streamed row's JSON, for the views that render rows straight from it instead
 * of binding each to its record ({@link IView}, {@link BacktraceText}): the same rules as
 * RecordReader's binding — a missing field and a JSON null both read as absent, a required one
 * absent or any field of the wrong JSON type is an error naming the row and the field.
 *
 * <pre>
 * JsonFields.whole(row, "pid", "backtrace", false)   // 23, or IOException "backtrace field pid is missing"
 * </pre>
 */
final class JsonFields {
    private JsonFields() {
    }

    /** The node, or null for a missing field or a JSON null (both read as absent). */
    static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /** An optional string: null when absent. */
    static String text(JsonNode parent, String field, String row) throws IOException {
        JsonNode node = present(parent.get(field));
        if (node != null && !node.isTextual()) {
            throw new IOException(row + " field " + field + " must be a string");
        }
        return node == null ? null : node.textValue();
    }

    /** A required whole number: {@code asInt} where it must fit an int (an identity hash). */
    static long whole(JsonNode parent, String field, String row, boolean asInt) throws IOException {
        JsonNode node = present(parent.get(field));
        if (node == null) {
            throw new IOException(row + " field " + field + " is missing");
        }
        if (!node.canConvertToExactIntegral() || !(asInt ? node.canConvertToInt() : node.canConvertToLong())) {
            throw new IOException(row + " field " + field + " must be an integer");
        }
        return asInt ? node.intValue() : node.longValue();
    }

    /** An optional whole number that must fit an int: null when absent. */
    static Integer optionalInt(JsonNode parent, String field, String row) throws IOException {
        return present(parent.get(field)) == null ? null : (int) whole(parent, field, row, true);
    }

    /** A required true or false. */
    static boolean bool(JsonNode parent, String field, String row) throws IOException {
        JsonNode node = present(parent.get(field));
        if (node == null || !node.isBoolean()) {
            throw new IOException(row + " field " + field + " must be true or false");
        }
        return node.booleanValue();
    }
}
