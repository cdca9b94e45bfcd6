package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code garbage_collect()}: each memory pool's used bytes before and after an explicit full GC,
 * and each collector's collections and time before and after. {@code explicitGcDisabled} is the
 * VM option -XX:+DisableExplicitGC; {@code collected} is whether any collector's count moved, so a
 * request the JVM ignored reads as such rather than as "nothing to free".
 */
public record GarbageCollect(List<PoolChange> pools, List<CollectorChange> collectors, long heapUsedBefore,
        long heapUsedAfter, boolean explicitGcDisabled, boolean collected, long nodeMillis) {

    /** One pool's used bytes; {@code type} is "heap" or "non_heap". */
    public record PoolChange(String name, String type, long usedBefore, long usedAfter) {
    }

    /** One collector's collection count and accumulated time, before and after. */
    public record CollectorChange(String name, long countBefore, long countAfter, long timeMillisBefore,
            long timeMillisAfter) {
    }
}
