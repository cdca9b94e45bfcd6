package dev.diag.protocol.message;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Result values as JSON, the text Jackson's data binding made of them under {@link Json}'s rules,
 * without an ObjectMapper: building one (its serializer factories, date formats, calendars and
 * locales; some 400 classes) was three quarters of a fresh node's first call, and the agent
 * needs little of it. What a result may hold: records (their components in order, a null one
 * left out, as is a null map value), strings, numbers, booleans, characters, enums (by name),
 * collections and arrays, maps keyed by strings or enums, and JSON trees, passed through (and
 * written as {@link JsonTree} writes a frame's trees, as every reply has always gone out). No
 * result record has a getter beyond its components (which data binding would also have written),
 * and the shell reads results by their components ({@link RecordReader}). Anything else (bytes,
 * Optional, a bean) is refused, so a result that needs more fails its test rather than
 * reaching a shell in a new shape ({@code RecordJsonTest} compares both ways, byte for byte).
 */
public final class RecordJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Each record class's components, found once: reflection per row would cost i() its speed. */
    private static final Map<Class<?>, Component[]> COMPONENTS = new ConcurrentHashMap<>();

    private record Component(String name, Method accessor) {
        Object of(Object record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("could not read the result's field " + name, e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("reading the result's field " + name + " failed", e.getCause());
            }
        }
    }

    private RecordJson() {
    }

    /** Writes {@code value} as one JSON value into {@code out}. */
    public static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Record record) {
            out.writeStartObject();
            for (Component component : components(record.getClass())) {
                Object field = component.of(record);
                if (field != null) {
                    out.writeFieldName(component.name());
                    write(out, field);
                }
            }
            out.writeEndObject();
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double number) {
            out.writeNumber(number.doubleValue());
        } else if (value instanceof Float number) {
            out.writeNumber(number.floatValue());
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Enum<?> constant) {
            out.writeString(constant.name());
        } else if (value instanceof JsonNode tree) {
            JsonTree.write(out, tree);
        } else if (value instanceof Collection<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() != null) { // the mapper's NON_NULL leaves out a map's nulls too
                    out.writeFieldName(key(entry.getKey()));
                    write(out, entry.getValue());
                }
            }
            out.writeEndObject();
        } else if (value instanceof Character c) {
            out.writeString(String.valueOf(c));
        } else if (value instanceof char[] chars) {
            out.writeString(chars, 0, chars.length); // Jackson's way: a char[] is text
        } else if (isArray(value)) {
            out.writeStartArray();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                write(out, Array.get(value, i));
            }
            out.writeEndArray();
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number);
        } else {
            throw unsupported(value);
        }
    }

    /** {@code value} as a JSON tree; a null value is JSON's null, as Jackson's valueToTree gives. */
    public static JsonNode tree(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String text) {
            return NODES.textNode(text);
        } else if (value instanceof Record record) {
            ObjectNode object = NODES.objectNode();
            for (Component component : components(record.getClass())) {
                Object field = component.of(record);
                if (field != null) {
                    object.set(component.name(), tree(field));
                }
            }
            return object;
        } else if (value instanceof Integer number) {
            return NODES.numberNode(number.intValue());
        } else if (value instanceof Long number) {
            return NODES.numberNode(number.longValue());
        } else if (value instanceof Short number) {
            return NODES.numberNode(number.shortValue());
        } else if (value instanceof Byte number) {
            return NODES.numberNode(number.intValue());
        } else if (value instanceof Double number) {
            return NODES.numberNode(number.doubleValue());
        } else if (value instanceof Float number) {
            return NODES.numberNode(number.floatValue());
        } else if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        } else if (value instanceof Enum<?> constant) {
            return NODES.textNode(constant.name());
        } else if (value instanceof JsonNode tree) {
            return tree;
        } else if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : items) {
                array.add(tree(item));
            }
            return array;
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() != null) {
                    object.set(key(entry.getKey()), tree(entry.getValue()));
                }
            }
            return object;
        } else if (value instanceof Character c) {
            return NODES.textNode(String.valueOf(c));
        } else if (value instanceof char[] chars) {
            return NODES.textNode(new String(chars));
        } else if (isArray(value)) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                array.add(tree(Array.get(value, i)));
            }
            return array;
        } else if (value instanceof BigInteger number) {
            return NODES.numberNode(number);
        } else if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        } else {
            throw unsupported(value);
        }
    }

    /**
     * Forgets the record classes seen, as a stopped agent must: this map is static state of a
     * class the JVM keeps loaded, and would hold their accessors.
     */
    public static void dropCaches() {
        COMPONENTS.clear();
    }

    private static Component[] components(Class<?> type) {
        Component[] known = COMPONENTS.get(type);
        if (known == null) {
            known = find(type);
            COMPONENTS.put(type, known);
        }
        return known;
    }

    private static Component[] find(Class<?> type) {
        RecordComponent[] declared = type.getRecordComponents();
        Component[] components = new Component[declared.length];
        for (int i = 0; i < declared.length; i++) {
            Method accessor = declared[i].getAccessor();
            accessor.setAccessible(true); // a private nested record of the agent's, as Jackson reads them
            components[i] = new Component(declared[i].getName(), accessor);
        }
        return components;
    }

    private static String key(Object key) {
        if (key instanceof String text) {
            return text;
        } else if (key instanceof Enum<?> constant) {
            return constant.name();
        }
        throw new IllegalArgumentException("a result's map is keyed by something other than strings or names");
    }

    /** Arrays of objects and of numbers or booleans; bytes are refused, as no result carries any. */
    private static boolean isArray(Object value) {
        return value.getClass().isArray() && !(value instanceof byte[]);
    }

    /** Says what, not which class: the reason may reach a caller (see CallDispatcher), who must not see our class names. */
    private static IllegalArgumentException unsupported(Object value) {
        return new IllegalArgumentException(value instanceof byte[] ? "a result holds bytes, which the node does not write as JSON"
                : "a result holds a kind of value the node does not write as JSON");
    }
}
