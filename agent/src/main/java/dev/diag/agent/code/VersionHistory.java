package dev.diag.agent.code;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The earlier versions of the classes diag redefined, newest first, for {@code code:rollback}.
 * Bounded twice: at most {@value #PER_CLASS} versions per class (the oldest is dropped first), and
 * at most {@value #BUDGET_BYTES} bytes in all (the oldest versions of any class are dropped first).
 * Keyed weakly by class, so the versions of a class whose loader is collected go with it.
 * Not thread-safe: the {@link CodeLoader} holds its lock around every use.
 */
final class VersionHistory {
    static final int PER_CLASS = 4;
    static final long BUDGET_BYTES = 32L * 1024 * 1024;

    /** One earlier version: its class file and when it stopped running. */
    record Version(byte[] bytes, long sequence, long replacedAtMillis) {
    }

    private final Map<Class<?>, Deque<Version>> versions = new WeakHashMap<>();
    private final Map<Class<?>, Long> redefinedAt = new WeakHashMap<>();
    private final Map<Class<?>, String> definedFrom = new WeakHashMap<>();
    private long sequence;

    /** Keeps {@code previous}, the version {@code type} ran until now. */
    void push(Class<?> type, byte[] previous) {
        Deque<Version> kept = versions.computeIfAbsent(type, t -> new ArrayDeque<>());
        kept.push(new Version(previous, ++sequence, System.currentTimeMillis()));
        while (kept.size() > PER_CLASS) {
            kept.removeLast();
        }
        while (bytes() > BUDGET_BYTES && dropOldest()) {
            // one version at a time, oldest first, until within budget
        }
    }

    /** The version {@code type} ran before its current one; null when none is kept. */
    Version previous(Class<?> type) {
        Deque<Version> kept = versions.get(type);
        return kept == null ? null : kept.peek();
    }

    /** Forgets the newest earlier version of {@code type}: it runs again (a rollback). */
    void pop(Class<?> type) {
        Deque<Version> kept = versions.get(type);
        if (kept != null) {
            kept.poll();
            if (kept.isEmpty()) {
                versions.remove(type);
            }
        }
    }

    int depth(Class<?> type) {
        Deque<Version> kept = versions.get(type);
        return kept == null ? 0 : kept.size();
    }

    void redefined(Class<?> type, long atMillis) {
        redefinedAt.put(type, atMillis);
    }

    /** Records that diag defined {@code type} (a class the node had not loaded) from the class file {@code source}. */
    void defined(Class<?> type, String source) {
        definedFrom.put(type, source);
    }

    /** The class file diag defined {@code type} from (it has no earlier version, and stays defined); null when it did not. */
    String definedFrom(Class<?> type) {
        return definedFrom.get(type);
    }

    /** When diag last redefined {@code type}; null when it never did. */
    Long redefinedAt(Class<?> type) {
        return redefinedAt.get(type);
    }

    /** How many classes diag redefined (loaded or rolled back) whose loaders are still alive. */
    int redefinedClasses() {
        return redefinedAt.size();
    }

    long bytes() {
        long total = 0;
        for (Deque<Version> kept : versions.values()) {
            for (Version version : kept) {
                total += version.bytes().length;
            }
        }
        return total;
    }

    private boolean dropOldest() {
        Deque<Version> oldest = null;
        for (Deque<Version> kept : versions.values()) {
            if (!kept.isEmpty() && (oldest == null || kept.peekLast().sequence() < oldest.peekLast().sequence())) {
                oldest = kept;
            }
        }
        if (oldest == null) {
            return false;
        }
        oldest.removeLast();
        return true;
    }
}
