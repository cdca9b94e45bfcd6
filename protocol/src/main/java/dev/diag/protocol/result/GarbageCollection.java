package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code statistics(garbage_collection)}: collections since the JVM started and the time they
 * took, in total and per collector, and that time as a share of the uptime (0.01 is 1%). Times
 * are as the collectors report them: for concurrent collectors, time in collection cycles, not
 * only in pauses.
 */
public record GarbageCollection(String item, long collections, long timeMillis, long uptimeMillis,
        double shareOfWallTime, List<MemoryReport.Collector> collectors) {
    public static final String ITEM = "garbage_collection";

    public GarbageCollection(long collections, long timeMillis, long uptimeMillis, double shareOfWallTime,
            List<MemoryReport.Collector> collectors) {
        this(ITEM, collections, timeMillis, uptimeMillis, shareOfWallTime, collectors);
    }
}
