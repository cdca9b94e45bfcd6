package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code heap_histogram(N)}: the N classes whose live instances take the most heap, largest first,
 * as {@code jcmd PID GC.class_histogram} counts them, and the totals over every class.
 * {@code name} is the JVM's name ({@code [B}, {@code [Ljava.lang.Object;}, {@code com.example.Order});
 * {@code module} is e.g. {@code java.base@17.0.15}, null for classes of the unnamed module.
 */
public record HeapHistogram(List<ClassRow> classes, int leftOut, long totalInstances, long totalBytes,
        int totalClasses, long nodeMillis) {

    /** One class: its live instances and the bytes they take (shallow sizes, as the JVM counts them). */
    public record ClassRow(String name, String module, long instances, long bytes) {
    }
}
