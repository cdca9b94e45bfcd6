package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code system_info(shutdown)}: whether the JVM is shutting down. A JVM in shutdown runs its
 * shutdown hooks, each in a thread of its own, and halts when the last one ends: one that hangs
 * (a logger flushing to a dead disk) keeps the JVM up, and the agent answers meanwhile.
 * {@code sinceMillis} (epoch) is when the sequence began, null when the agent cannot know (it was
 * injected while the JVM was already shutting down); {@code exitedBy} is the thread running the
 * sequence (the one that called System.exit, "SIGTERM handler", "DestroyJavaVM"), null when not
 * found. {@code hooks} are the shutdown hooks: before shutdown the registered ones (NEW), during
 * it those still alive; the note says what could not be seen.
 */
public record ShutdownState(String item, boolean inShutdown, Long sinceMillis, ProcessRef exitedBy,
        List<ShutdownHook> hooks, String note) {
    public static final String ITEM = "shutdown";

    public ShutdownState(boolean inShutdown, Long sinceMillis, ProcessRef exitedBy, List<ShutdownHook> hooks,
            String note) {
        this(ITEM, inShutdown, sinceMillis, exitedBy, hooks, note);
    }
}
