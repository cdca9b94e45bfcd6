package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The JDK 17 stack pauses are sized by the frames the last one walked, within bounds. */
class PauseSizedBatchesTest {

    @Test
    void theFirstPauseIsSmallBecauseNothingIsKnownYet() {
        PauseSizedBatches sizes = new PauseSizedBatches();
        assertEquals(PauseSizedBatches.FIRST_BATCH, sizes.next());
        assertEquals(PauseSizedBatches.FIRST_BATCH, sizes.largest()); // what a call cancelled before any pause reports
    }

    @Test
    void shallowStacksGrowTheBatchAtMostTwofoldUpToTheCap() {
        PauseSizedBatches sizes = new PauseSizedBatches();
        int[] seen = new int[8];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = sizes.next();
            sizes.took(seen[i], seen[i] * 3L); // 3 frames a thread
        }
        assertEquals(50, seen[0]);
        assertEquals(100, seen[1]);
        assertEquals(200, seen[2]);
        assertEquals(400, seen[3]);
        assertEquals(500, seen[4]); // the fixed count every pause took before: no pause takes more
        assertEquals(PauseSizedBatches.MAX_BATCH, seen[4]);
        assertEquals(PauseSizedBatches.MAX_BATCH, seen[7]);
        assertEquals(PauseSizedBatches.MAX_BATCH, sizes.largest());
    }

    @Test
    void deepStacksShrinkTheNextBatchToTheBudget() {
        PauseSizedBatches sizes = new PauseSizedBatches();
        sizes.took(50, 50 * 150L); // framework stacks: 150 frames each
        int next = sizes.next();
        assertEquals(PauseSizedBatches.BUDGET / (PauseSizedBatches.THREAD_COST + 150), next);
        assertTrue((long) next * (PauseSizedBatches.THREAD_COST + 150) <= PauseSizedBatches.BUDGET);
    }

    @Test
    void stacksDeeperThanTheBudgetTakeOneThreadAPause() {
        PauseSizedBatches sizes = new PauseSizedBatches();
        sizes.took(50, 50 * 20_000L);
        assertEquals(1, sizes.next());
        sizes.took(1, 20_000);
        assertEquals(1, sizes.next());
        assertEquals(50, sizes.largest());
    }

    @Test
    void threadsThatEndedBeforeThePauseCountOnlyTheirSnapshot() {
        PauseSizedBatches sizes = new PauseSizedBatches();
        sizes.took(50, 0); // every one gone: 50 snapshots' worth, well under the budget
        assertEquals(100, sizes.next());
    }

    @Test
    void theHeldEstimateIsTheLastPausesUnitsPerThreadRoundedUp() {
        PauseSizedBatches sizes = new PauseSizedBatches();
        assertEquals(50L * PauseSizedBatches.THREAD_COST, sizes.estimate(50)); // nothing known: snapshots alone
        sizes.took(3, 10); // 22 units over 3 threads
        assertEquals(74, sizes.estimate(10)); // 220 / 3 = 73.3
        assertEquals(1, sizes.pauses());
    }
}
