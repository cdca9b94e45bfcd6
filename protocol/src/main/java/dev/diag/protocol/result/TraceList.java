package dev.diag.protocol.result;

import java.util.List;

/**
 * The traces running on a node ({@code trace:status()}), or those just ended ({@code trace:stop()});
 * {@code max} is how many may run at once.
 */
public record TraceList(List<TraceInfo> traces, int max) {
}
