package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code why()}: what looks wrong on the node now, findings ranked by how many processes each
 * holds up (most first). {@code windowMillis} is the sampling window; {@code nodeMillis} the time
 * the call took on the node apart from it. {@code note} says what was checked (the figures a
 * healthy node is judged by) and what could not be seen.
 */
public record WhyReport(List<Finding> findings, long windowMillis, long nodeMillis, String note) {
}
