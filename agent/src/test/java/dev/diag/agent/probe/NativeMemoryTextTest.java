package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.NativeMemory;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VM.native_memory summary as JDK 17 and JDK 25 print it (captured with -XX:NativeMemoryTracking=summary). */
class NativeMemoryTextTest {

    @Test
    void readsJdk17TotalsAndCategoriesInBytesLargestCommittedFirst() throws IOException {
        NativeMemory nmt = NativeMemoryText.parse(ClassHistogramTextTest.resource("native-memory-jdk17.txt")).orElseThrow();

        assertEquals(7846001L * 1024, nmt.reservedBytes());
        assertEquals(490689L * 1024, nmt.committedBytes());
        assertEquals(new NativeMemory.Category("Java Heap", 6172672L * 1024, 397312L * 1024), nmt.categories().get(0));
        assertEquals(19, nmt.categories().size()); // the "-" lines of the capture
        assertSortedByCommitted(nmt.categories());
    }

    @Test
    void readsJdk25WhoseLinesCarryMoreFields() throws IOException {
        NativeMemory nmt = NativeMemoryText.parse(ClassHistogramTextTest.resource("native-memory-jdk25.txt")).orElseThrow();

        assertEquals(488347L * 1024, nmt.committedBytes());
        assertTrue(nmt.categories().contains(new NativeMemory.Category("Shared class space", 16384L * 1024,
                13908L * 1024)), nmt.categories().toString());
        assertTrue(nmt.categories().stream().anyMatch(c -> c.name().equals("Object Monitors")));
        assertSortedByCommitted(nmt.categories());
    }

    @Test
    void trackingOffIsEmpty() throws IOException {
        assertTrue(NativeMemoryText.parse(ClassHistogramTextTest.resource("native-memory-off.txt")).isEmpty());
    }

    @Test
    void aTextWithoutTotalsIsAnErrorQuotingItsStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeMemoryText.parse("Native Memory Tracking:\nsomething else entirely\n"));
        assertTrue(e.getMessage().contains("no Total line") && e.getMessage().contains("something else"), e.getMessage());
    }

    private static void assertSortedByCommitted(List<NativeMemory.Category> categories) {
        for (int i = 1; i < categories.size(); i++) {
            assertTrue(categories.get(i - 1).committedBytes() >= categories.get(i).committedBytes(), categories.toString());
        }
    }
}
