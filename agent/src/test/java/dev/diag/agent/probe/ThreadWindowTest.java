package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadWindowTest {

    @Test
    void ranksByGrowthInTheWindowNotByTotal() {
        // thread 1 has the largest total but did nothing in the window; thread 3 grew most
        ThreadWindow.Diff diff = ThreadWindow.diff(ids(1, 2, 3), values(900, 10, 20), ids(1, 2, 3), values(900, 15, 80), 2);

        assertEquals(List.of(new ThreadWindow.Change(3, 80, 60), new ThreadWindow.Change(2, 15, 5)), diff.top());
        assertEquals(3, diff.threads());
    }

    @Test
    void aThreadBornInTheWindowCountsFromZeroAndOneThatDiedIsLeftOutAndCounted() {
        ThreadWindow.Diff diff = ThreadWindow.diff(ids(1, 2, 4), values(100, 100, 100), ids(1, 3, 5, 6),
                values(150, 70, 10, 5), 10);

        assertEquals(List.of(new ThreadWindow.Change(3, 70, 70), new ThreadWindow.Change(1, 150, 50),
                new ThreadWindow.Change(5, 10, 10), new ThreadWindow.Change(6, 5, 5)), diff.top());
        assertEquals(3, diff.born());
        assertEquals(2, diff.died(), "threads 2 and 4 ended");
    }

    @Test
    void aThreadUnmeasuredAtTheEndIsLeftOutAndOneUnmeasuredBeforeCountsFromZero() {
        ThreadWindow.Diff diff = ThreadWindow.diff(ids(1, 2), values(-1, 5), ids(1, 2), values(40, -1), 5);

        assertEquals(List.of(new ThreadWindow.Change(1, 40, 40)), diff.top());
        assertEquals(1, diff.threads());
    }

    @Test
    void topKeepsTheLargestValuesTiesByLowestIdAndSkipsUnmeasured() {
        List<ThreadWindow.Change> top = ThreadWindow.top(ids(7, 3, 9, 4), values(5, 8, -1, 8), 2);

        assertEquals(List.of(new ThreadWindow.Change(3, 8, 8), new ThreadWindow.Change(4, 8, 8)), top);
    }

    @Test
    void aSnapshotSeesTheCurrentThreadWithItsCpuAndIdsAscending() {
        ThreadWindow.Snapshot snapshot = ThreadWindow.take();

        int me = java.util.Arrays.binarySearch(snapshot.ids(), Thread.currentThread().getId());
        assertTrue(me >= 0, "ids must be ascending and hold this thread");
        assertTrue(snapshot.cpu()[me] > 0 && snapshot.allocated()[me] > 0);
    }

    private static long[] ids(long... ids) {
        return ids;
    }

    private static long[] values(long... values) {
        return values;
    }
}
