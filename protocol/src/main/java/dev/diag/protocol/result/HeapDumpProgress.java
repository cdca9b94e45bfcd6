package dev.diag.protocol.result;

/** A streamed row of {@code heap_dump(Path)}: how far the file has grown, and how long the dump has run. */
public record HeapDumpProgress(long bytesWritten, long elapsedMillis) {
}
