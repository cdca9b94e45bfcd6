package dev.diag.protocol.result;

/**
 * The end of {@code heap_dump(Path)}: the absolute path on the node's host, the file's size and
 * the time the dump took. {@code finished} is false when the caller cancelled: the JVM's dump
 * cannot be stopped, so it goes on and the figures are as far as it had got.
 */
public record HeapDumpSummary(String path, long bytes, long millis, boolean finished) {
}
