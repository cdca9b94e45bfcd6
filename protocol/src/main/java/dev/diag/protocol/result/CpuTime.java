package dev.diag.protocol.result;

/**
 * {@code statistics(runtime)}: CPU time the whole process has used since it started (all its
 * threads, JVM threads and GC included), and that time as a share of the wall time since start:
 * 0.25 is a quarter of one processor on average, 2.0 two processors. {@code cpuNanos} and
 * {@code shareOfWallTime} are null where the JVM cannot measure process CPU time.
 */
public record CpuTime(String item, Long cpuNanos, long uptimeMillis, Double shareOfWallTime, int processors) {
    public static final String ITEM = "runtime";

    public CpuTime(Long cpuNanos, long uptimeMillis, Double shareOfWallTime, int processors) {
        this(ITEM, cpuNanos, uptimeMillis, shareOfWallTime, processors);
    }
}
