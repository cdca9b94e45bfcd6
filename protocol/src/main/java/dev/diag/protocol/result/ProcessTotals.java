package dev.diag.protocol.result;

import java.util.Map;

/**
 * The end of {@code i()}: totals over every row sent, the count per state, how the rows were
 * taken (e.g. "current function from 21 stack pause(s) of at most 500 threads"), and the time
 * the node spent on the call, waits for a slow reader included ({@code nodeMillis}; null from
 * older agents). {@code virtual} counts the virtual threads among the rows (null from older agents),
 * {@code note} says what the rows leave out (virtual threads the JVM does not list).
 */
public record ProcessTotals(int processes, long heapBytes, long cpuNanos, long msgs, Map<String, Integer> states,
        String method, Long nodeMillis, Integer virtual, String note) {
}
