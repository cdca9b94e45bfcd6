package dev.diag.protocol.result;

import java.util.List;

/**
 * The end of {@code profile(Event, Seconds)}: the heaviest collapsed stacks, heaviest first, and
 * what was left out of them to bound the reply. {@code engine} is what sampled (cpu: perf_events,
 * or a timer where perf events are not allowed); {@code notes} say in plain words what the caller
 * must know (a fallback, a call cancelled early). {@code total} is the weight of every stack,
 * those left out included, in {@code unit}s.
 */
public record ProfileReport(String event, String engine, String unit, long millis, long samples, long total,
        List<ProfileStack> stacks, int stacksLeftOut, long weightLeftOut, List<String> notes, String profiler) {
}
