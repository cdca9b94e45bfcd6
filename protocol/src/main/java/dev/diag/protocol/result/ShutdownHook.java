package dev.diag.protocol.result;

/** One shutdown hook's thread: its pid, name, state (NEW until shutdown) and current function, if running. */
public record ShutdownHook(long pid, String name, String state, String currentFunction) {
}
