package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.Await;
import org.junit.jupiter.api.Test;

class GcHistoryTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void sumsThePausesOfTheLastMinuteOnly() {
        GcHistory history = GcHistory.fedBy(NOW - 600_000);
        history.add(NOW / 1000 - 70, 500); // before the minute
        history.add(NOW / 1000 - 30, 200);
        history.add(NOW / 1000 - 30, 100);
        history.add(NOW / 1000, 50);

        assertEquals(new GcHistory.Minute(350, 60_000), history.lastMinute(NOW));
        assertEquals(350 / 60_000.0, history.lastMinute(NOW).share(), 1e-12);
    }

    @Test
    void aSlotASecondHeldAMinuteAgoStartsAfresh() {
        GcHistory history = GcHistory.fedBy(NOW - 600_000);
        history.add(NOW / 1000 - 60, 900);
        history.add(NOW / 1000, 10); // the same slot, a minute on

        assertEquals(10, history.lastMinute(NOW).gcMillis());
    }

    @Test
    void coversOnlyAsMuchAsItListenedTo() {
        GcHistory history = GcHistory.fedBy(NOW - 20_000);
        history.add(NOW / 1000 - 5, 1_000);

        assertEquals(new GcHistory.Minute(1_000, 20_000), history.lastMinute(NOW));
        assertEquals(0, GcHistory.none().lastMinute(NOW).coveredMillis());
    }

    @Test
    void hearsTheJvmsCollectionsUntilClosed() throws Exception {
        GcHistory history = GcHistory.start();
        try {
            System.gc();
            Await.until(() -> history.heard() > 0, () -> "a collection heard");
        } finally {
            history.close();
        }
        int heard = history.heard();
        System.gc();
        Thread.sleep(200); // notifications are delivered a moment after the collection
        assertEquals(heard, history.heard(), "closed: no listener of the agent's is left");
    }

    @Test
    void aConcurrentCyclesTimeIsNotAPause() {
        assertTrue(GcHistory.isPause("G1 Young Generation"));
        assertTrue(GcHistory.isPause("ZGC Major Pauses"));
        assertFalse(GcHistory.isPause("G1 Concurrent GC"));
        assertFalse(GcHistory.isPause("ZGC Minor Cycles"));
        assertFalse(GcHistory.isPause("Shenandoah Cycles"));
    }
}
