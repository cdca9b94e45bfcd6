package dev.diag.protocol.result;

/** One row of {@code code:all_loaded()}: a loaded class, its defining loader and origin, and whether diag redefined it. */
public record LoadedClassRow(String className, String loader, String origin, boolean redefined) {
}
