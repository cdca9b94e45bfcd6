package dev.diag.protocol.result;

/**
 * One edge of a wait-for graph: thread {@code pid} waits for {@code lock} held by {@code heldBy}.
 * {@code kind} is "monitor" (a synchronized block or method) or "synchronizer" (an ownable
 * java.util.concurrent lock such as ReentrantLock). {@code at} is the frame where the thread waits,
 * past the lock's own plumbing; {@code lockedAt} the frame where the holder took a monitor, null
 * for a synchronizer (the JVM records no frame for those) or when it was taken deeper than the
 * frames sent.
 */
public record LockWait(long pid, String name, String state, LockRef lock, String kind, ProcessRef heldBy,
        StackFrame at, StackFrame lockedAt) {

    public static final String MONITOR = "monitor";
    public static final String SYNCHRONIZER = "synchronizer";
}
