package dev.diag.protocol.result;

import java.util.List;

/**
 * One group of {@code groups()}: processes of one kind ("platform" or "virtual") in one state, waiting
 * on the same kind of lock ({@code lock}, a class name, null if none), with the same top frames
 * (plumbing such as Unsafe.park skipped). {@code count} is exact unless {@code estimated}: then it is
 * scaled from the stacks sampled in its state-and-lock class, which is itself counted exactly.
 */
public record ProcessGroup(long count, boolean estimated, String kind, String state, String lock, List<String> frames,
        long examplePid, String exampleName) {
}
