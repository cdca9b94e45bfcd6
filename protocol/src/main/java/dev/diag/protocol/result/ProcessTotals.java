package dev.diag.protocol.result;

import java.util.Map;

/**
 * The end of {@code i()}: totals over every row sent, the count per state, and how the rows
 * were taken (e.g. "current function from 1 frame per thread, 10 pauses of at most 1,000 threads").
 */
public record ProcessTotals(int processes, long heapBytes, long cpuNanos, long msgs, Map<String, Integer> states,
        String method) {
}
