package dev.diag.protocol.result;

/** {@code memory(Kind)}: one figure of {@link MemoryReport}, in bytes, as Erlang's memory(Type). */
public record MemoryAmount(String kind, long bytes) {
}
