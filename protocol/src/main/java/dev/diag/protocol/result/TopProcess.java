package dev.diag.protocol.result;

/**
 * One thread of a {@code top()} sample: the CPU it used in the sample's interval and that as a
 * share of one core (0.5: half a core), and the function it was in at the sample's end.
 */
public record TopProcess(long pid, String name, String state, long cpuNanos, double coreShare,
        String currentFunction) {
}
