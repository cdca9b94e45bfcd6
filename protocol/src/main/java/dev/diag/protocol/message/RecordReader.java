package dev.diag.protocol.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a result record (dev.diag.protocol.result) from the JSON tree the agent sent, by the
 * record's own components: strings, numbers, booleans, enums, nested records, lists of these,
 * maps from strings to these, and raw {@link JsonNode}. The shell renders with it instead of an ObjectMapper, whose
 * start-up would dominate a one-shot call. A missing field reads as null (an empty list for a
 * list) where the component may be null; a missing primitive is an error, not a silent 0 that
 * would show as a real figure; so is a field of the wrong JSON type. Errors name the field.
 *
 * <pre>
 * MemoryReport report = RecordReader.read(reply.result(), MemoryReport.class);
 * </pre>
 */
public final class RecordReader {
    private RecordReader() {
    }

    public static <R extends Record> R read(JsonNode json, Class<R> type) throws IOException {
        return type.cast(value(json, type, type.getSimpleName()));
    }

    private static Object value(JsonNode json, Type type, String where) throws IOException {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (json == null || json.isNull()) {
            if (raw.isPrimitive()) {
                throw new IOException(where + " is missing");
            }
            return raw == List.class ? List.of() : raw == Map.class ? Map.of() : null;
        }
        if (raw == JsonNode.class) {
            return json;
        }
        if (raw == String.class) {
            return expect(json.isTextual(), json.textValue(), where, "a string");
        }
        if (raw == long.class || raw == Long.class) {
            return expect(json.canConvertToExactIntegral() && json.canConvertToLong(), json.longValue(), where, "an integer");
        }
        if (raw == int.class || raw == Integer.class) {
            return expect(json.canConvertToExactIntegral() && json.canConvertToInt(), json.intValue(), where, "an integer");
        }
        if (raw == double.class || raw == Double.class) {
            return expect(json.isNumber(), json.doubleValue(), where, "a number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return expect(json.isBoolean(), json.booleanValue(), where, "true or false");
        }
        if (raw.isEnum()) {
            return enumValue(raw, json, where);
        }
        if (raw == List.class && type instanceof ParameterizedType p) {
            expect(json.isArray(), null, where, "an array");
            List<Object> items = new ArrayList<>(json.size());
            for (int i = 0; i < json.size(); i++) {
                items.add(value(json.get(i), p.getActualTypeArguments()[0], where + "[" + i + "]"));
            }
            return List.copyOf(items.stream().filter(java.util.Objects::nonNull).toList());
        }
        if (raw == Map.class && type instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class) {
            expect(json.isObject(), null, where, "an object");
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), value(field.getValue(), p.getActualTypeArguments()[1], where + "." + field.getKey()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (raw.isRecord()) {
            expect(json.isObject(), null, where, "an object");
            return record(json, raw, where);
        }
        throw new IllegalArgumentException("RecordReader cannot read " + type + " (" + where + ")");
    }

    private static Object record(JsonNode json, Class<?> type, String where) throws IOException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(json.get(components[i].getName()), components[i].getGenericType(),
                    where + "." + components[i].getName());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IOException(where + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("RecordReader cannot construct " + type.getName(), e);
        }
    }

    private static Object enumValue(Class<?> type, JsonNode json, String where) throws IOException {
        expect(json.isTextual(), null, where, "a string");
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(json.textValue())) {
                return constant;
            }
        }
        throw new IOException(where + " is '" + json.textValue() + "', not one of " + type.getSimpleName());
    }

    private static Object expect(boolean ok, Object value, String where, String what) throws IOException {
        if (!ok) {
            throw new IOException(where + " must be " + what);
        }
        return value;
    }
}
