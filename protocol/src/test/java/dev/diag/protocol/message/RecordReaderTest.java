package dev.diag.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.result.MemoryAmount;
import dev.diag.protocol.result.MemoryReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordReaderTest {

    enum Level { LOW, HIGH }

    record Sample(String name, int count, Level level, boolean flag, double ratio, JsonNode raw, List<String> tags) {
    }

    @Test
    void readsWhatTheAgentsDataBindingWrote() throws Exception {
        MemoryReport report = new MemoryReport(1L << 30,
                new MemoryReport.Usage(10, 20, 30L), new MemoryReport.Usage(1, 2, null), null,
                new MemoryReport.Usage(3, 4, 5L),
                List.of(new MemoryReport.Pool("G1 Eden Space", "heap", new MemoryReport.Usage(7, 8, null))),
                List.of(new MemoryReport.BufferPool("direct", 2, 2048, 4096)),
                new MemoryReport.Threads(12, 10, 14, 1 << 20, 12L << 20),
                List.of(new MemoryReport.Collector("G1 Young Generation", 3, 17)));

        JsonNode wire = JsonTree.parse(JsonTree.bytes(Json.mapper().valueToTree(report)));

        assertEquals(report, RecordReader.read(wire, MemoryReport.class));
    }

    @Test
    void readsEnumsBooleansDoublesRawTreesAndLists() throws Exception {
        JsonNode json = tree("{\"name\":\"x\",\"count\":3,\"level\":\"HIGH\",\"flag\":true,\"ratio\":0.5,"
                + "\"raw\":{\"any\":[1]},\"tags\":[\"a\",\"b\"]}");

        Sample sample = RecordReader.read(json, Sample.class);

        assertEquals(new Sample("x", 3, Level.HIGH, true, 0.5, tree("{\"any\":[1]}"), List.of("a", "b")), sample);
    }

    @Test
    void missingObjectFieldsReadAsNullAndMissingListsAsEmpty() throws Exception {
        Sample sample = RecordReader.read(tree("{\"count\":1,\"flag\":false,\"ratio\":0}"), Sample.class);

        assertNull(sample.name());
        assertNull(sample.level());
        assertEquals(List.of(), sample.tags());
    }

    @Test
    void aMissingFigureIsAnErrorNotAZeroThatWouldLookReal() {
        IOException e = assertThrows(IOException.class,
                () -> RecordReader.read(tree("{\"kind\":\"heap\"}"), MemoryAmount.class));
        assertEquals("MemoryAmount.bytes is missing", e.getMessage());
    }

    @Test
    void aFieldOfTheWrongTypeIsAnErrorNamingIt() {
        IOException e = assertThrows(IOException.class,
                () -> RecordReader.read(tree("{\"kind\":\"heap\",\"bytes\":\"many\"}"), MemoryAmount.class));
        assertTrue(e.getMessage().contains("MemoryAmount.bytes"), e.getMessage());

        IOException nested = assertThrows(IOException.class, () -> RecordReader.read(
                tree("{\"pools\":[{\"name\":\"p\",\"type\":\"heap\",\"usage\":{\"used\":[]}}]}"), MemoryReport.class));
        assertTrue(nested.getMessage().contains("MemoryReport.pools[0].usage.used"), nested.getMessage());
    }

    @Test
    void anUnknownEnumConstantIsAnError() {
        assertThrows(IOException.class, () -> RecordReader.read(
                tree("{\"count\":1,\"flag\":false,\"ratio\":0,\"level\":\"MEDIUM\"}"), Sample.class));
    }

    private static JsonNode tree(String text) throws IOException {
        return JsonTree.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
