package dev.diag.protocol.result;

/**
 * One loaded class: its defining {@code loader}, where it came from ({@code origin}: a module,
 * or the code source's location), the class file {@code l(Class)} would read now
 * ({@code resource}), how many earlier versions diag keeps for rollback, and when diag last
 * redefined it (null: never).
 */
public record LoadedCopy(String loader, String origin, String resource, int versionsKept, Long redefinedAtMillis) {
}
