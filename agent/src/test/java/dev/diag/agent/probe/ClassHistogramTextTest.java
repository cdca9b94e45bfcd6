package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.HeapHistogram;
import dev.diag.protocol.result.HeapHistogram.ClassRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** GC.class_histogram as JDK 17 and JDK 25 print it (captured from HeapTarget keeping 1,000 orders). */
class ClassHistogramTextTest {

    static String resource(String name) throws IOException {
        try (InputStream in = ClassHistogramTextTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"class-histogram-jdk17.txt", "class-histogram-jdk25.txt"})
    void readsTheTopRowsWithModulesAndTheTotalsOfEveryClass(String file) throws IOException {
        String text = resource(file);
        long rows = text.lines().filter(l -> l.matches("\\s*\\d+:.*")).count();

        HeapHistogram histogram = ClassHistogramText.parse(text, 5, 12);

        assertEquals(5, histogram.classes().size());
        ClassRow first = histogram.classes().get(0);
        assertEquals("[B", first.name());
        assertTrue(first.module().startsWith("java.base@"), first.module());
        assertEquals(rows, histogram.totalClasses());
        assertEquals(rows - 5, histogram.leftOut());
        assertTrue(histogram.totalBytes() > first.bytes() && histogram.totalInstances() > first.instances(),
                histogram.toString());
        assertEquals(12, histogram.nodeMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"class-histogram-jdk17.txt", "class-histogram-jdk25.txt"})
    void readsAClassOfTheUnnamedModuleWithoutAModule(String file) throws IOException {
        HeapHistogram histogram = ClassHistogramText.parse(resource(file), 10_000, 0);

        ClassRow orders = histogram.classes().stream()
                .filter(r -> r.name().equals("dev.diag.it.fixture.HeapTarget$RetainedOrder")).findFirst().orElseThrow();
        assertEquals(1000, orders.instances());
        assertNull(orders.module());
        assertEquals(0, histogram.leftOut());
        assertTrue(histogram.classes().stream().anyMatch(r -> r.name().equals("[Ljava.lang.Object;")));
    }

    @Test
    void zeroRowsKeepsOnlyTheTotals() throws IOException {
        HeapHistogram histogram = ClassHistogramText.parse(resource("class-histogram-jdk17.txt"), 0, 0);

        assertTrue(histogram.classes().isEmpty());
        assertEquals(histogram.totalClasses(), histogram.leftOut());
    }

    @Test
    void aLineOfAnotherShapeIsAnErrorNamingTheLine() {
        String text = " num     #instances         #bytes  class name (module)\n"
                + "-------------------------------------------------------\n"
                + "   1:         17216        1183352  [B (java.base@17.0.15)\n"
                + "   2:   lots of bytes\n"
                + "Total         17216        1183352\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassHistogramText.parse(text, 20, 0));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("lots of bytes"), e.getMessage());
    }

    @Test
    void aTextWithoutTotalsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassHistogramText.parse("   1:         17216        1183352  [B (java.base@17.0.15)\n", 20, 0));
        assertTrue(e.getMessage().contains("no Total line"), e.getMessage());
    }
}
