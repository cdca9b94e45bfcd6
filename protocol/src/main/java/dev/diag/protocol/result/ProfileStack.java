package dev.diag.protocol.result;

/**
 * One collapsed stack of a profile, as async-profiler and Brendan Gregg's flame-graph tools write
 * them: frames from the thread's root to the sampled frame joined by ';', and its weight (samples,
 * bytes or ns, as the profile's event says).
 */
public record ProfileStack(String frames, long weight) {
}
