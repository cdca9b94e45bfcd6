package dev.diag.protocol.result;

import java.util.Optional;

/**
 * What {@code profile(Event, Seconds)} samples, shared so the shell can complete the atoms, and
 * what one unit of a stack's weight is for each: async-profiler counts samples of running code,
 * bytes allocated, and nanoseconds spent waiting for a contended lock.
 */
public enum ProfileEvent {
    CPU("where CPU time goes: running threads sampled every 10 ms of CPU time", "samples"),
    ALLOC("who allocates: a sample every 512 KiB allocated, weighed by bytes", "bytes"),
    LOCK("who waits for contended locks: every wait over 10 us, weighed by the time waited", "ns"),
    WALL("where threads spend wall-clock time, running or not: every 50 ms per thread", "samples");

    private final String meaning;
    private final String unit;

    ProfileEvent(String meaning, String unit) {
        this.meaning = meaning;
        this.unit = unit;
    }

    public String atom() {
        return Atoms.of(this);
    }

    public String meaning() {
        return meaning;
    }

    /** What one unit of a stack's weight is: samples, bytes or ns. */
    public String unit() {
        return unit;
    }

    public static Optional<ProfileEvent> of(String atom) {
        return Atoms.parse(ProfileEvent.class, atom);
    }

    public static String atoms() {
        return Atoms.list(ProfileEvent.class);
    }
}
