package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.NativeMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeMemoryViewTest {

    @Test
    void showsTheTotalThenEachCategoryCommittedFirst() {
        long kib = 1024;
        assertEquals(List.of(
                "CATEGORY     COMMITTED  RESERVED",
                "total          479 MiB  7.48 GiB",
                "  Java Heap    388 MiB  5.89 GiB",
                "  Class       1.70 MiB  1.00 GiB"),
                NativeMemoryView.render(new NativeMemory(7846001 * kib, 490689 * kib, List.of(
                        new NativeMemory.Category("Java Heap", 6172672 * kib, 397312 * kib),
                        new NativeMemory.Category("Class", 1048844 * kib, 1740 * kib))), 80));
    }
}
