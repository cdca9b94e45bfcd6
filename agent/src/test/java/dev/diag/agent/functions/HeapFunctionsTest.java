package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.protocol.function.Impact;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.result.GarbageCollect;
import dev.diag.protocol.result.HeapDumpProgress;
import dev.diag.protocol.result.HeapDumpSummary;
import dev.diag.protocol.result.HeapHistogram;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** heap_histogram, garbage_collect and heap_dump run in this test's own JVM. */
class HeapFunctionsTest {
    /** A class only this test allocates, many times over. */
    private static final class Marker {
    }

    @TempDir
    Path dir;

    @Test
    void allThreeAreListedAsHighImpact() {
        for (String name : List.of("heap_histogram", "garbage_collect", "heap_dump")) {
            assertEquals(Impact.Level.HIGH, Functions.all().find(name).impact().level(), name);
        }
    }

    @Test
    void histogramCountsTheLiveInstancesOfAClass() throws Exception {
        List<Marker> kept = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            kept.add(new Marker());
        }
        HeapHistogram histogram = (HeapHistogram) new HeapHistogramFunction().call(args("heap_histogram",
                IntNode.valueOf(HeapHistogramFunction.MAX_TOP)), OneShotContext.INSTANCE);

        HeapHistogram.ClassRow markers = histogram.classes().stream()
                .filter(r -> r.name().equals(Marker.class.getName())).findFirst().orElseThrow();
        assertEquals(kept.size(), markers.instances());
        assertTrue(histogram.totalBytes() >= markers.bytes());
    }

    @Test
    void histogramRefusesANegativeOrHugeOrNonNumericCount() {
        for (JsonNode bad : List.of(IntNode.valueOf(-1), IntNode.valueOf(HeapHistogramFunction.MAX_TOP + 1),
                TextNode.valueOf("all"))) {
            FunctionException e = assertThrows(FunctionException.class,
                    () -> new HeapHistogramFunction().call(args("heap_histogram", bad), OneShotContext.INSTANCE));
            assertEquals(CallError.BAD_ARGUMENT, e.toError().code());
            assertTrue(e.getMessage().startsWith("heap_histogram(N) takes how many classes"), e.getMessage());
        }
    }

    @Test
    void garbageCollectCountsACollectionAndReportsEveryPool() {
        GarbageCollect gc = (GarbageCollect) new GarbageCollectFunction().call(args("garbage_collect"),
                OneShotContext.INSTANCE);

        assertTrue(gc.collected(), gc.toString()); // the test JVM runs without -XX:+DisableExplicitGC
        assertTrue(!gc.explicitGcDisabled() && !gc.pools().isEmpty(), gc.toString());
        assertTrue(gc.collectors().stream().anyMatch(c -> c.countAfter() > c.countBefore()), gc.toString());
    }

    @Test
    void heapDumpWritesAnHprofFileAndSaysWhereAndHowBig() throws Exception {
        Path file = dir.resolve("test.hprof");
        List<Object> rows = new ArrayList<>();
        HeapDumpSummary summary = (HeapDumpSummary) new HeapDump().call(args("heap_dump", TextNode.valueOf(file.toString())),
                new CallContext() {
                    public boolean cancelled() {
                        return false;
                    }

                    public void emit(List<?> emitted) {
                        rows.addAll(emitted);
                    }
                });

        assertEquals(file.toString(), summary.path());
        assertTrue(summary.finished());
        assertEquals(Files.size(file), summary.bytes());
        rows.forEach(row -> assertTrue(row instanceof HeapDumpProgress, row.toString()));
        try (InputStream in = Files.newInputStream(file)) {
            assertArrayEquals("JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII), in.readNBytes(18));
        }
    }

    @Test
    void heapDumpRefusesBadPathsWithOneSentenceEach() throws Exception {
        Files.createFile(dir.resolve("taken.hprof"));
        assertRefused("relative.hprof", "needs an absolute path: 'relative.hprof' would be "
                + Path.of(System.getProperty("user.dir")).resolve("relative.hprof"));
        assertRefused(dir.resolve("dump.bin").toString(), "only to files ending in .hprof");
        assertRefused(dir.resolve("taken.hprof").toString(), "already exists");
        assertRefused(dir.resolve("missing/dump.hprof").toString(), "does not exist on the node");
        FunctionException e = assertThrows(FunctionException.class,
                () -> new HeapDump().call(args("heap_dump", IntNode.valueOf(3)), OneShotContext.INSTANCE));
        assertTrue(e.getMessage().contains("as a string"), e.getMessage());
    }

    private void assertRefused(String path, String because) {
        FunctionException e = assertThrows(FunctionException.class,
                () -> new HeapDump().call(args("heap_dump", TextNode.valueOf(path)), OneShotContext.INSTANCE));
        assertEquals(CallError.BAD_ARGUMENT, e.toError().code());
        assertTrue(e.getMessage().contains(because), e.getMessage());
        assertEquals(1, e.getMessage().replace("e.g. ", "").split("\\. ").length, "one sentence: " + e.getMessage());
    }

    private static Args args(String function, JsonNode... values) {
        return new Args(function, List.of(values));
    }
}
