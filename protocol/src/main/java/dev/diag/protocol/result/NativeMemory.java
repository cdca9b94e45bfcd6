package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code memory(native)}: the JVM's Native Memory Tracking summary ({@code jcmd PID VM.native_memory
 * summary}), reserved and committed bytes in total and per category ("Java Heap", "Class",
 * "Thread", "Code", "GC", ...), largest committed first. Only where the JVM was started with
 * -XX:NativeMemoryTracking=summary or detail.
 */
public record NativeMemory(String kind, long reservedBytes, long committedBytes, List<Category> categories) {
    public static final String KIND = "native";

    public NativeMemory(long reservedBytes, long committedBytes, List<Category> categories) {
        this(KIND, reservedBytes, committedBytes, categories);
    }

    /** One NMT category. */
    public record Category(String name, long reservedBytes, long committedBytes) {
    }
}
