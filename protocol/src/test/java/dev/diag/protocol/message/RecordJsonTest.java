package dev.diag.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diag.protocol.result.ProcessRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * RecordJson writes the very bytes Jackson's data binding (the configured {@link Json} mapper)
 * wrote, both as a tree (a reply) and straight into a chunk (streamed rows), for every kind of
 * component and for every result record the protocol declares; a shell cannot tell the
 * difference. The agent's real results are compared too, in the agent's RecordJsonResultsTest.
 */
class RecordJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Colour { RED, GREEN }

    record Inner(String name, Integer count) {
    }

    private record Hidden(long id) {
    }

    record EveryKind(String text, int anInt, long aLong, short aShort, byte aByte, double aDouble, float aFloat,
            boolean flag, char letter, Integer missing, Long boxedLong, Double boxedDouble, Float boxedFloat,
            Character boxedChar, Boolean boxedFlag, Colour colour, Inner inner, Inner noInner, List<Inner> inners,
            List<String> strings, List<Object> mixed, int[] ints, long[] longs, double[] doubles, float[] floats,
            boolean[] flags, short[] shorts, char[] chars, String[] stringArray, Inner[] innerArray,
            Map<String, Object> map, Map<Colour, Long> byColour, JsonNode tree, JsonNode nullTree,
            java.util.Set<String> set, Hidden hidden, List<List<Integer>> nested, Object anything) {
    }

    @Test
    void writesEveryKindOfComponentAsDataBindingDid() throws Exception {
        assertSame(everyKind("plain", 0.1 + 0.2, 1.1f));
        assertSame(everyKind("quotes \" \\ é \u0001 \n 𝄞", -0.0, -3.4028235e38f));
        assertSame(everyKind("", Double.NaN, Float.NaN));
        assertSame(everyKind("x", Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
        assertSame(everyKind("y", 1e-7, 1e20f));
        assertSame(everyKind("z", Double.MIN_VALUE, Float.MIN_VALUE));
        assertSame(everyKind("w", 123456789012345678.0, 0.3f));
    }

    @Test
    void writesPlainValuesAsDataBindingDid() throws Exception {
        for (Object value : new Object[] {"text", 7, -7L, Long.MIN_VALUE, 2.5, true, 'c', Colour.GREEN, List.of(),
                Map.of(), new int[0], new Inner(null, null), NODES.nullNode(), List.of(new Inner("a", 1))}) {
            assertSame(value);
        }
    }

    @Test
    void writesNullAsDataBindingDid() throws Exception {
        assertEquals(text(JsonTree.bytes(Json.mapper().valueToTree(null))), text(JsonTree.bytes(RecordJson.tree(null))));
        List<Object> rows = new ArrayList<>();
        rows.add(null);
        assertEquals(text(chunkByDataBinding(rows)), text(chunk(rows)));
    }

    /** Every result record, with every component set and with each nullable one null. */
    @Test
    void writesEveryResultRecordAsDataBindingDid() throws Exception {
        List<Class<?>> records = resultRecords();
        assertTrue(records.size() > 60, "found only " + records);
        for (Class<?> type : records) {
            assertSame(new Sampler(false).record(type));
            assertSame(new Sampler(true).record(type));
        }
    }

    /** None of the protocol's results carries these; a result that did would have to be taught here first. */
    @Test
    void refusesWhatNoResultHolds() {
        assertThrows(IllegalArgumentException.class, () -> RecordJson.tree(new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RecordJson.tree(Optional.of(1)));
        assertThrows(IllegalArgumentException.class, () -> RecordJson.tree(new Object()));
        assertThrows(IllegalArgumentException.class, () -> RecordJson.tree(Map.of(1, "a")));
    }

    record Located(Path where) {
    }

    /** A Path iterates over its names, each a Path again: taken for a list it would recurse until the stack ran out. */
    @Test
    void refusesAPathCleanlyInsteadOfRecursingThroughItsNames() throws Exception {
        Located located = new Located(Path.of("/var/log/app"));
        assertThrows(IllegalArgumentException.class, () -> RecordJson.tree(located));
        try (JsonGenerator out = Json.mapper().getFactory().createGenerator(new ByteArrayOutputStream())) {
            assertThrows(IllegalArgumentException.class, () -> RecordJson.write(out, located));
        }
    }

    /** A stopped agent keeps no accessors: after dropCaches the same record is found anew and written the same. */
    @Test
    void writesTheSameAfterItsCacheIsDropped() throws Exception {
        EveryKind value = everyKind("again", 1.5, 2.5f);
        String before = text(JsonTree.bytes(RecordJson.tree(value)));
        RecordJson.dropCaches();
        assertEquals(before, text(JsonTree.bytes(RecordJson.tree(value))));
    }

    @Test
    void comparesBytesSoADifferenceFails() throws Exception {
        // the check itself can fail: Jackson's text differs from one with a component left out
        assertFalse(text(JsonTree.bytes(Json.mapper().valueToTree(new Inner("a", 1))))
                .equals(text(JsonTree.bytes(RecordJson.tree(new Inner("a", null))))));
    }

    static void assertSame(Object value) throws IOException {
        assertEquals(text(JsonTree.bytes(Json.mapper().valueToTree(value))), text(JsonTree.bytes(RecordJson.tree(value))),
                "as a reply: " + value);
        List<Object> rows = List.of(value, value);
        assertEquals(text(chunkByDataBinding(rows)), text(chunk(rows)), "as streamed rows: " + value);
    }

    /** A chunk as ChunkWriter wrote it before: the mapper's SequenceWriter into the generator. */
    static byte[] chunkByDataBinding(List<?> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkWriter.write(out, 7, json -> {
            try (SequenceWriter sequence = Json.mapper().writer().writeValues(json)) {
                for (Object row : rows) {
                    sequence.write(row);
                }
            }
        });
        return out.toByteArray();
    }

    static byte[] chunk(List<?> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkWriter.write(out, 7, json -> ChunkWriter.writeRecords(json, rows));
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static EveryKind everyKind(String text, double d, float f) {
        ObjectNode tree = NODES.objectNode();
        tree.put("s", text).put("d", d).put("n", 3).putNull("nothing");
        tree.putArray("list").add(1).add("two").add(NODES.objectNode().put("deep", true));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", List.of(d, "x"));
        map.put("gone", null);
        map.put("inner", new Inner(text, null));
        Map<Colour, Long> byColour = new EnumMap<>(Colour.class);
        byColour.put(Colour.GREEN, 2L);
        byColour.put(Colour.RED, -1L);
        List<Object> mixed = new ArrayList<>(List.of(1, 2L, d, f, "s", Colour.RED, true));
        mixed.add(null);
        return new EveryKind(text, Integer.MIN_VALUE, Long.MAX_VALUE, (short) -5, (byte) 9, d, f, true, 'é', null,
                -1L, d, f, '"', false, Colour.GREEN, new Inner(text, 3), null, List.of(new Inner("a", null)),
                List.of(text, ""), mixed, new int[] {1, -2}, new long[] {Long.MIN_VALUE}, new double[] {d, 0.5},
                new float[] {f}, new boolean[] {true, false}, new short[] {3}, text.toCharArray(),
                new String[] {text, null}, new Inner[] {new Inner("b", 2), null}, map, byColour, tree, NODES.nullNode(),
                new LinkedHashSet<>(List.of("s1", "s2")), new Hidden(42), List.of(List.of(1, 2), List.of()), new Inner("any", 0));
    }

    private static List<Class<?>> resultRecords() throws IOException, URISyntaxException {
        Path dir = Path.of(ProcessRow.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(ProcessRow.class.getPackageName().replace('.', '/'));
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class")) {
                    try {
                        Class<?> type = Class.forName(ProcessRow.class.getPackageName() + "."
                                + name.substring(0, name.length() - ".class".length()));
                        if (type.isRecord()) {
                            records.add(type);
                        }
                    } catch (ClassNotFoundException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return records;
    }

    /**
     * Fills a record with a value of each component's type, different ones each time (doubles
     * that print differently, strings needing escapes), or with null wherever a reference may be.
     */
    private static final class Sampler {
        private static final double[] DOUBLES = {0.1 + 0.2, 1e-7, 12345.0, -0.0, Double.NaN, 1.0E20, 2.5};
        private static final String[] STRINGS = {"plain", "needs \"escapes\" \\ \n é 𝄞", "", "RUNNABLE"};
        private final boolean nulls;
        private int next;

        Sampler(boolean nulls) {
            this.nulls = nulls;
        }

        Object record(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = value(components[i].getGenericType());
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new AssertionError(type.getSimpleName() + " refused the sample " + List.of(values), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        private Object value(Type type) {
            Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
            int n = next++;
            if (nulls && !raw.isPrimitive()) {
                return null;
            } else if (raw == String.class) {
                return STRINGS[n % STRINGS.length];
            } else if (raw == int.class || raw == Integer.class) {
                return n % 2 == 0 ? n : -n;
            } else if (raw == long.class || raw == Long.class) {
                return n % 2 == 0 ? (1L << 40) + n : Long.MIN_VALUE + n;
            } else if (raw == double.class || raw == Double.class) {
                return DOUBLES[n % DOUBLES.length];
            } else if (raw == boolean.class || raw == Boolean.class) {
                return n % 2 == 0;
            } else if (raw.isEnum()) {
                Object[] constants = raw.getEnumConstants();
                return constants[n % constants.length];
            } else if (raw.isRecord()) {
                return record(raw);
            } else if (raw == List.class) {
                Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
                return List.of(value(item), value(item));
            } else if (raw == Map.class) {
                Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
                assertEquals(String.class, kv[0], "a result's map is keyed by strings");
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("z" + n, value(kv[1]));
                map.put("a" + n, value(kv[1]));
                return map;
            } else if (raw == JsonNode.class) {
                return NODES.objectNode().put("x", DOUBLES[n % DOUBLES.length]).put("s", STRINGS[n % STRINGS.length]);
            }
            throw new AssertionError("no sample of " + type + ": a result holds a new kind of value;"
                    + " make sure RecordJson writes it as data binding did, then add it here");
        }
    }
}
