package dev.diag.protocol.result;

/**
 * One loaded class: its defining {@code loader}, where it came from ({@code origin}: a module,
 * or the code source's location), the class file {@code l(Class)} would read now
 * ({@code resource}), how many earlier versions diag keeps for rollback, when diag last
 * redefined it (null: never), and, for a class diag defined because the node had not loaded it,
 * the class file it was defined from ({@code definedFrom}; null otherwise): then {@code resource}
 * is not where it came from, but what its loader would find under its name.
 */
public record LoadedCopy(String loader, String origin, String resource, int versionsKept, Long redefinedAtMillis,
        String definedFrom) {
}
