package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code memory()}: where a JVM's memory went, in bytes. {@code residentBytes} is the resident
 * set the OS charges the process (null where the OS does not say); everything else is what the
 * JVM itself accounts for, so the two need not add up: the gap is native memory the JVM does not
 * track (malloc by libraries, arenas, thread stacks beyond the estimate).
 */
public record MemoryReport(
        Long residentBytes,
        Usage heap,
        Usage nonHeap,
        Usage metaspace,
        Usage codeCache,
        List<Pool> pools,
        List<BufferPool> buffers,
        Threads threads,
        List<Collector> collectors) {

    /** A used / committed / max triple; {@code max} is null where the JVM sets no limit. */
    public record Usage(long used, long committed, Long max) {
    }

    /** One memory pool, e.g. "G1 Old Gen"; {@code type} is "heap" or "non_heap". */
    public record Pool(String name, String type, Usage usage) {
    }

    /** A buffer pool: "direct" (ByteBuffer.allocateDirect) or "mapped" (memory-mapped files). */
    public record BufferPool(String name, long count, long used, long capacity) {
    }

    /** Live threads and a stack estimate: count times the default stack size (a ceiling, as stacks are reserved lazily). */
    public record Threads(int count, int daemon, int peak, long stackSizeBytes, long stackEstimateBytes) {
    }

    /** A garbage collector's collections so far and the total time they took. */
    public record Collector(String name, long count, long timeMillis) {
    }
}
