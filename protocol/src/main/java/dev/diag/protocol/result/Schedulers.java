package dev.diag.protocol.result;

/**
 * {@code system_info(schedulers)}: what runs the JVM's work in parallel. {@code availableProcessors}
 * is what the JVM was given (container CPU limits included); the common ForkJoinPool (parallel
 * streams, CompletableFuture's default) runs {@code commonPoolParallelism} workers at most and
 * has {@code commonPoolThreads} started now.
 */
public record Schedulers(String item, int availableProcessors, int commonPoolParallelism, int commonPoolThreads) {
    public static final String ITEM = "schedulers";

    public Schedulers(int availableProcessors, int commonPoolParallelism, int commonPoolThreads) {
        this(ITEM, availableProcessors, commonPoolParallelism, commonPoolThreads);
    }
}
