package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.GarbageCollect;
import dev.diag.protocol.result.GarbageCollect.CollectorChange;
import dev.diag.protocol.result.GarbageCollect.PoolChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class GarbageCollectViewTest {
    private static final long MIB = 1024 * 1024;
    private static final List<PoolChange> POOLS = List.of(
            new PoolChange("Metaspace", "non_heap", 12 * MIB, 12 * MIB),
            new PoolChange("G1 Eden Space", "heap", 3 * MIB, 0),
            new PoolChange("G1 Old Gen", "heap", 50 * MIB, 8 * MIB));
    private static final List<CollectorChange> COLLECTORS = List.of(
            new CollectorChange("G1 Young Generation", 4, 4, 19, 19),
            new CollectorChange("G1 Old Generation", 1, 2, 11, 20));

    @Test
    void showsEachPoolBeforeAndAfterAndWhatTheCollectionFreed() {
        assertEquals(List.of(
                "POOL                 TYPE    BEFORE     AFTER     FREED",
                "heap                       53.0 MiB  8.00 MiB  45.0 MiB",
                "  G1 Eden Space      heap  3.00 MiB       0 B  3.00 MiB",
                "  G1 Old Gen         heap  50.0 MiB  8.00 MiB  42.0 MiB",
                "  Metaspace      non-heap  12.0 MiB  12.0 MiB       0 B",
                "",
                "COLLECTOR            COLLECTIONS   TIME  THIS CALL",
                "G1 Young Generation            4  19 ms   +0, 0 ms",
                "G1 Old Generation              2  20 ms   +1, 9 ms",
                "",
                "Freed 45.0 MiB of heap in 11 ms."),
                GarbageCollectView.render(new GarbageCollect(POOLS, COLLECTORS, 53 * MIB, 8 * MIB, false, true, 11), 100));
    }

    @Test
    void saysPlainlyWhenDisableExplicitGcMadeTheJvmIgnoreIt() {
        List<String> lines = GarbageCollectView.render(new GarbageCollect(POOLS, COLLECTORS, 53 * MIB, 53 * MIB, true,
                false, 0), 100);

        String verdict = String.join(" ", lines.subList(lines.lastIndexOf("") + 1, lines.size()));
        assertTrue(verdict.startsWith("Nothing was collected: the node runs with -XX:+DisableExplicitGC"), verdict);
    }

    @Test
    void saysNothingWasCollectedWhenNoCountMovedThoughExplicitGcIsAllowed() {
        List<String> lines = GarbageCollectView.render(new GarbageCollect(POOLS, COLLECTORS, 53 * MIB, 53 * MIB, false,
                false, 0), 100);

        assertTrue(lines.get(lines.size() - 2).startsWith("Nothing was collected: no collector's count moved"),
                lines.toString());
    }
}
