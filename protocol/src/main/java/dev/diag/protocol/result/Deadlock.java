package dev.diag.protocol.result;

import java.util.List;

/**
 * One deadlock: {@code cycle} in order, each thread waiting for a lock held by the next and the
 * last by the first; {@code blockedBehind} the threads outside the cycle that wait, directly or
 * through other waiters, for a lock a cycle member holds, nearest first. They wait forever too,
 * but the JVM's detector does not name them. {@code moreBlockedBehind} counts those left out.
 */
public record Deadlock(List<LockWait> cycle, List<LockWait> blockedBehind, int moreBlockedBehind) {
}
