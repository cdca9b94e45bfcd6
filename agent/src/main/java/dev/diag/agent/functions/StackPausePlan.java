package dev.diag.agent.functions;

/**
 * The order of backtraces()' work before JDK 25, kept apart from the ThreadInfos so that it can be
 * replayed over given stack depths: pauses sized by {@link PauseSizedBatches}, taken back to back
 * while what they took would stay within a cap of held units, then what was taken written, and so
 * on to the last thread. A batch is not taken when its estimate (its threads at the last pause's
 * units per thread) would pass the cap, so what is held passes it only by what the last batch's
 * stacks were deeper than the one before's; the first batch of a run is always taken.
 */
final class StackPausePlan {
    /** What the plan drives: the pauses, the writes, and whether the call was cancelled. */
    interface Work {
        /** Takes threads {@code from} to {@code from + count} (in id order) in one pause; returns the frames walked. */
        long pause(int from, int count);

        /** Writes the rows of every pause since the last write. */
        void writeHeld();

        boolean cancelled();
    }

    private StackPausePlan() {
    }

    /** Takes {@code threads} threads' stacks holding at most about {@code heldUnits} at a time; returns the sizes used. */
    static PauseSizedBatches run(int threads, long heldUnits, Work work) {
        PauseSizedBatches sizes = new PauseSizedBatches();
        int from = 0;
        while (from < threads && !work.cancelled()) {
            long held = 0;
            do {
                int count = Math.min(threads - from, sizes.next());
                long frames = work.pause(from, count);
                sizes.took(count, frames);
                held += PauseSizedBatches.units(count, frames);
                from += count;
            } while (from < threads && !work.cancelled() // back to back: see Backtraces
                    && held + sizes.estimate(Math.min(threads - from, sizes.next())) <= heldUnits);
            work.writeHeld();
        }
        return sizes;
    }
}
