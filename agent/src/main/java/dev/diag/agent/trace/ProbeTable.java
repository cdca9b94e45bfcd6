package dev.diag.agent.trace;

/**
 * The hooked methods by probe number, read by every traced call ({@link #get}: one volatile read
 * and an array load) and written only when classes are hooked or a trace ends. Numbers are never
 * given twice in the agent's life, so a thread still inside a hooked method after its trace ended
 * finds nothing, never another trace's probe; the table itself holds only the live trace's probes
 * (from {@code base} on) and is emptied when the trace ends.
 */
final class ProbeTable {
    static final int MAX_PROBES = 10_000;

    private record Slots(int base, Probe[] probes) {
    }

    private volatile Slots slots = new Slots(0, new Probe[0]);
    private int next; // guarded by this

    Probe get(int number) {
        Slots s = slots;
        int i = number - s.base;
        return i >= 0 && i < s.probes.length ? s.probes[i] : null;
    }

    /** A number for {@code probe}, or -1 when the live trace already has {@link #MAX_PROBES}. */
    synchronized int add(Probe probe) {
        Slots s = slots;
        if (s.probes.length >= MAX_PROBES) {
            return -1;
        }
        Probe[] grown = java.util.Arrays.copyOf(s.probes, s.probes.length + 1);
        int number = next++;
        grown[number - s.base] = probe;
        slots = new Slots(s.base, grown);
        return number;
    }

    /** Forgets every probe: called when the trace ends, before its classes are restored. */
    synchronized void clear() {
        slots = new Slots(next, new Probe[0]);
    }

    synchronized int size() {
        return slots.probes.length;
    }
}
