package dev.diag.agent.functions;

/**
 * How many threads the next stack pause may take, sized by the stacks the last pause found rather
 * than by a fixed count: a ThreadDump pause walks every frame of its threads, so a count that is
 * short on shallow stacks (500 threads of 3-8 frames, ~4 ms at 10,000 threads on JDK 17) is long
 * on 150-frame framework stacks. Each pause is allowed {@link #BUDGET} units of work, a thread
 * counting {@link #THREAD_COST} (its snapshot) plus one per frame; the next batch is the budget
 * over the last batch's units per thread. Sized by what was walked, not by the time it took: a
 * loaded machine stretches every pause alike, and sizing by time would then make more of them.
 *
 * <p>The first batch, taken before anything is known, is small ({@link #FIRST_BATCH}); a batch at
 * most doubles the last one; and no pause takes more than {@link #MAX_BATCH} threads, the fixed
 * count every pause took before. The budget holds while the stacks are about as deep as the last
 * pause's; stacks that get deeper further on (threads are taken in id order) are walked by a pause
 * sized for the shallow ones, so one pause can walk up to {@link #MAX_BATCH} of the deep stacks:
 * never more than a fixed {@link #MAX_BATCH} threads of those stacks walked, the old worst case,
 * and the next pause is sized by them again.
 */
final class PauseSizedBatches {
    static final int FIRST_BATCH = 50;
    static final int MAX_BATCH = 500;
    /** A thread's snapshot costs about what 4 frames do (JDK 17, shallow stacks: ~7 µs a thread of 3.3 frames). */
    static final int THREAD_COST = 4;
    /** About 8 ms of pause on two cores: 1,000 threads of 3-4 frames (more than {@link #MAX_BATCH} lets one pause take), or 50 threads of 150 frames. */
    static final int BUDGET = 8_000;

    private int next = FIRST_BATCH;
    private int largest;
    private int pauses;
    private long lastThreads;
    private long lastUnits;

    /** The number of threads the next pause takes. */
    int next() {
        return next;
    }

    /** Records that a pause took {@code threads} threads holding {@code frames} frames, and sizes the next one. */
    void took(int threads, long frames) {
        largest = Math.max(largest, threads);
        pauses++;
        if (threads <= 0) {
            return;
        }
        lastThreads = threads;
        lastUnits = units(threads, frames);
        long fits = (long) BUDGET * threads / Math.max(1, lastUnits);
        next = (int) Math.max(1, Math.min(Math.min(fits, 2L * threads), MAX_BATCH));
    }

    /** The work of taking {@code threads} threads' stacks of {@code frames} frames in all, in budget units. */
    static long units(int threads, long frames) {
        return (long) threads * THREAD_COST + frames;
    }

    /**
     * The units {@code threads} threads are expected to hold, at the last pause's units per thread
     * (rounded up); before any pause, a thread's snapshot alone.
     */
    long estimate(int threads) {
        if (lastThreads == 0) {
            return (long) threads * THREAD_COST;
        }
        return (threads * lastUnits + lastThreads - 1) / lastThreads;
    }

    /** How many pauses were recorded. */
    int pauses() {
        return pauses;
    }

    /** The most threads one pause took so far (the summary's "at most"), or the first batch's size before any. */
    int largest() {
        return largest == 0 ? FIRST_BATCH : largest;
    }
}
