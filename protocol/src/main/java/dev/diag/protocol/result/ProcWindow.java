package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code recon:proc_window(Attr, N, Ms)}: the top N threads by what {@code attribute} grew during a
 * window of {@code windowMillis} ({@code measuredMillis} between the two snapshots as taken).
 * {@code born} threads started in the window and count from zero; {@code died} ended in it and are
 * left out; {@code threads} were ranked.
 */
public record ProcWindow(String attribute, long windowMillis, long measuredMillis, List<WindowedProcess> processes,
        int threads, int born, int died, String note) {
}
