package dev.diag.protocol.result;

/** A process named in another result: its pid and thread name. */
public record ProcessRef(long pid, String name) {
}
