package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** backtraces()' pauses and writes before JDK 25, replayed over given stack depths (threads in id order). */
class StackPausePlanTest {

    /** Replays the plan over {@code depths}, recording each pause's units and what each write held. */
    private static final class Replay implements StackPausePlan.Work {
        final int[] depths;
        final List<Long> pauseUnits = new ArrayList<>();
        final List<Long> heldAtWrite = new ArrayList<>();
        long held;
        int cancelAfterPauses = Integer.MAX_VALUE;

        Replay(int[] depths) {
            this.depths = depths;
        }

        @Override
        public long pause(int from, int count) {
            long frames = 0;
            for (int i = from; i < from + count; i++) {
                frames += depths[i];
            }
            pauseUnits.add(PauseSizedBatches.units(count, frames));
            held += PauseSizedBatches.units(count, frames);
            return frames;
        }

        @Override
        public void writeHeld() {
            heldAtWrite.add(held);
            held = 0;
        }

        @Override
        public boolean cancelled() {
            return pauseUnits.size() >= cancelAfterPauses;
        }

        long largestPause() {
            return pauseUnits.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        long written() {
            return heldAtWrite.stream().mapToLong(Long::longValue).sum();
        }
    }

    private static int[] depths(int shallow, int shallowDepth, int deep, int deepDepth) {
        int[] depths = new int[shallow + deep];
        Arrays.fill(depths, 0, shallow, shallowDepth);
        Arrays.fill(depths, shallow, depths.length, deepDepth);
        return depths;
    }

    /** The largest pause the fixed 500 threads a pause made over the same threads. */
    private static long largestFixedPause(int[] depths) {
        long largest = 0;
        for (int from = 0; from < depths.length; from += 500) {
            int count = Math.min(500, depths.length - from);
            long frames = Arrays.stream(depths, from, from + count).asLongStream().sum();
            largest = Math.max(largest, PauseSizedBatches.units(count, frames));
        }
        return largest;
    }

    @Test
    void deepStacksAfterShallowOnesMakeNoPauseLongerThanTheFixed500Did() {
        int[] depths = depths(2_550, 4, 1_000, 150); // the reviewer's case: 154,000 units in one pause at 1,000 a pause
        Replay replay = new Replay(depths);
        StackPausePlan.run(depths.length, Long.MAX_VALUE, replay);
        assertTrue(replay.largestPause() <= largestFixedPause(depths),
                replay.largestPause() + " > " + largestFixedPause(depths));
    }

    @Test
    void aPauseThatMeetsDeeperStacksWalksAtMostTheFixed500sWorstCase() {
        int[] depths = depths(2_250, 4, 1_000, 150); // the deep stacks start just where a batch of 500 does
        Replay replay = new Replay(depths);
        StackPausePlan.run(depths.length, Long.MAX_VALUE, replay);
        assertEquals(PauseSizedBatches.units(500, 500 * 150L), replay.largestPause()); // once; then sized by them
        assertEquals(1, replay.pauseUnits.stream().filter(units -> units > 2 * PauseSizedBatches.BUDGET).count());
    }

    @Test
    void noPauseTakesMoreThanTheFixed500ThreadsWhateverTheDepths() {
        int[] depths = depths(6_000, 3, 3_000, 40);
        Replay replay = new Replay(depths);
        PauseSizedBatches sizes = StackPausePlan.run(depths.length, Backtraces.HELD_UNITS, replay);
        assertEquals(PauseSizedBatches.MAX_BATCH, sizes.largest());
        assertEquals(500, PauseSizedBatches.MAX_BATCH);
        assertEquals(PauseSizedBatches.units(depths.length, 6_000 * 3L + 3_000 * 40L), replay.written()); // every thread, once
    }

    @Test
    void aRunStopsBeforeABatchWhoseEstimateWouldPassTheHeldCap() {
        int[] depths = depths(10_007, 4, 0, 0); // bench/processes' target, shallow stacks
        Replay replay = new Replay(depths);
        StackPausePlan.run(depths.length, Backtraces.HELD_UNITS, replay);
        for (long held : replay.heldAtWrite) {
            assertTrue(held <= Backtraces.HELD_UNITS, held + " units held");
        }
        assertEquals(2, replay.heldAtWrite.size()); // 10,000 shallow stacks: two runs of pauses
        assertTrue(replay.heldAtWrite.get(0) > Backtraces.HELD_UNITS - 500 * 8, "a run stops only near the cap");
    }

    @Test
    void deepStacksAreHeldAFewHundredAtATime() {
        int[] depths = depths(0, 0, 2_000, 150);
        Replay replay = new Replay(depths);
        StackPausePlan.run(depths.length, Backtraces.HELD_UNITS, replay);
        for (long held : replay.heldAtWrite) {
            assertTrue(held <= Backtraces.HELD_UNITS, held + " units held");
        }
        assertEquals(PauseSizedBatches.units(2_000, 2_000 * 150L), replay.written());
    }

    @Test
    void aRunsFirstBatchIsTakenEvenWhenItAlonePassesTheCap() {
        int[] depths = depths(0, 0, 100, 20_000);
        Replay replay = new Replay(depths);
        StackPausePlan.run(depths.length, 1_000, replay);
        assertEquals(replay.pauseUnits.size(), replay.heldAtWrite.size()); // each pause written before the next
        assertEquals(PauseSizedBatches.units(100, 100 * 20_000L), replay.written());
    }

    @Test
    void aCancelledCallTakesNoFurtherPauseAndWritesWhatItHolds() {
        int[] depths = depths(10_000, 4, 0, 0);
        Replay replay = new Replay(depths);
        replay.cancelAfterPauses = 3;
        PauseSizedBatches sizes = StackPausePlan.run(depths.length, Backtraces.HELD_UNITS, replay);
        assertEquals(3, sizes.pauses());
        assertEquals(List.of(PauseSizedBatches.units(350, 350 * 4L)), replay.heldAtWrite); // 50 + 100 + 200
    }
}
