package dev.diag.protocol.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.diag.protocol.message.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A shell newer than the agent it talks to must still render that agent's answers: every field a
 * result record gained after the first release (listed in result-fields-0.1.txt) must be optional,
 * a reference type that {@link RecordReader} reads as null (or an empty list) when an older agent
 * leaves it out; a primitive would fail the whole answer as "missing". And no field of the first
 * release may disappear, or an older agent's answer would lose it without a word.
 */
class ResultFieldsTest {
    private static final List<String> PACKAGES = List.of("result", "node");

    @Test
    void fieldsAddedAfterTheFirstReleaseAreOptional() throws Exception {
        Map<String, Set<String>> released = released();
        List<String> required = new ArrayList<>();
        for (Class<?> record : records()) {
            Set<String> before = released.get(name(record));
            if (before == null) {
                continue; // a record new since: only new functions answer with it, which an older agent lacks
            }
            for (RecordComponent field : record.getRecordComponents()) {
                if (!before.contains(field.getName()) && field.getType().isPrimitive()) {
                    required.add(name(record) + "." + field.getName() + " is a " + field.getType()
                            + " added after 0.1: make it " + boxed(field.getType()) + ", absent from older agents");
                }
            }
        }
        assertEquals(List.of(), required);
    }

    @Test
    void noFieldOfTheFirstReleaseDisappeared() throws Exception {
        Map<String, Set<String>> now = new HashMap<>();
        for (Class<?> record : records()) {
            now.put(name(record), Set.copyOf(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList()));
        }
        List<String> gone = new ArrayList<>();
        released().forEach((record, fields) -> fields.stream()
                .filter(field -> !now.getOrDefault(record, Set.of()).contains(field))
                .forEach(field -> gone.add(record + "." + field)));
        assertEquals(List.of(), gone);
    }

    @Test
    void anAnswerWithoutTheOptionalFieldsStillReads() throws IOException {
        // what an agent that predates a field sends: the reader fills the gap instead of failing
        ProcessTotals totals = RecordReader.read(JsonNodeFactory.instance.objectNode()
                .put("processes", 3).put("heapBytes", 1).put("cpuNanos", 2).put("msgs", 0)
                .put("method", "one pause"), ProcessTotals.class);
        assertEquals(3, totals.processes());
        assertEquals(Map.of(), totals.states());
        assertNull(totals.nodeMillis());
        assertNull(totals.virtual());
    }

    private static Map<String, Set<String>> released() throws IOException {
        Map<String, Set<String>> fields = new HashMap<>();
        try (InputStream in = ResultFieldsTest.class.getResourceAsStream("/result-fields-0.1.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] words = line.strip().split(" ");
                    fields.put(words[0], Set.of(Arrays.copyOfRange(words, 1, words.length)));
                }
            }
        }
        return fields;
    }

    /** Every record of the result and node packages, nested ones too, from this module's sources. */
    private static List<Class<?>> records() throws Exception {
        List<Class<?>> records = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/diag/protocol", pkg))) {
                for (Path file : files.sorted().toList()) {
                    collect(Class.forName("dev.diag.protocol." + pkg + "."
                            + file.getFileName().toString().replace(".java", "")), records);
                }
            }
        }
        return records;
    }

    private static void collect(Class<?> type, List<Class<?>> records) {
        if (type.isRecord()) {
            records.add(type);
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, records);
        }
    }

    private static String name(Class<?> record) {
        return record.getName().replace("dev.diag.protocol.", "").replace('$', '.');
    }

    private static String boxed(Class<?> primitive) {
        return primitive == int.class ? "Integer" : primitive == long.class ? "Long"
                : primitive == boolean.class ? "Boolean" : primitive == double.class ? "Double" : "a reference type";
    }
}
