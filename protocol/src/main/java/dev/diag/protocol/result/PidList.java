package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code processes()}: the live processes' pids, ascending, at most a bounded number of them;
 * {@code leftOut} more were not sent (null or 0: none) and {@code note} says why, or what the
 * list cannot contain (virtual threads the JVM does not list).
 */
public record PidList(List<Long> pids, Long leftOut, String note) {
    public PidList(List<Long> pids) {
        this(pids, null, null);
    }
}
