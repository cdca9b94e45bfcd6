package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code recon:proc_count(Attr, N)}: the top N of {@code threads} threads by {@code attribute}
 * (reductions, memory or message_queue_len), largest first, and what the ranking could not see.
 */
public record ProcCount(String attribute, List<RankedProcess> processes, int threads, String note) {
}
