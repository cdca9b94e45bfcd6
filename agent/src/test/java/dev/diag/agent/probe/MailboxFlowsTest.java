package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Rates from meters the tests drive, over real (short) windows: the arithmetic, not the timing. */
class MailboxFlowsTest {

    @Test
    void arrivalsAreWhatLeftPlusHowMuchTheMailboxGrew() throws Exception {
        AtomicLong completed = new AtomicLong(100);
        MailboxSnapshot before = snapshot(box("pool", 10, null), Map.of("pool", completed::get));
        MailboxFlows flows = MailboxFlows.start(before);
        flows.await(50);
        completed.set(150);
        MailboxFlows.Flow flow = flows.finish(before, snapshot(box("pool", 20, null), Map.of("pool", completed::get)))
                .get("pool");

        assertEquals(60.0 / 50.0, flow.inPerSecond() / flow.outPerSecond(), 1e-9, flow.toString());
        assertTrue(flow.outPerSecond() > 50 && flow.outPerSecond() <= 1000, flow.toString()); // 50 in ≥ 50 ms
        assertFalse(flow.atLeast());
    }

    @Test
    void busyWorkersHoldTasksThatArrivedAndHaveNotLeft() throws Exception {
        AtomicLong completed = new AtomicLong(0);
        MailboxSnapshot before = snapshot(box("pool", 5, 1), Map.of("pool", completed::get));
        MailboxFlows flows = MailboxFlows.start(before);
        completed.set(10);
        MailboxFlows.Flow flow = flows.finish(before, snapshot(box("pool", 5, 3), Map.of("pool", completed::get)))
                .get("pool");

        assertEquals(12.0 / 10.0, flow.inPerSecond() / flow.outPerSecond(), 1e-9, flow.toString());
    }

    @Test
    void aRunningTotalIsReadAtTheEndThroughTheSecondScansMeter() throws Exception {
        MailboxSnapshot before = snapshot(box("pool", 0, null), Map.of("pool", () -> 100));
        MailboxFlows flows = MailboxFlows.start(before);
        MailboxFlows.Flow flow = flows.finish(before, snapshot(box("pool", 0, null), Map.of("pool", () -> 180)))
                .get("pool");

        assertEquals(flow.outPerSecond(), flow.inPerSecond(), 1e-9, flow.toString());
        assertTrue(flow.outPerSecond() > 80, flow.toString()); // 80 left within the test's fraction of a second
    }

    @Test
    void aRingIndexIsReadThroughTheWindowAndEachStepCountedAcrossTheWrap() throws Exception {
        AtomicLong reads = new AtomicLong();
        FlowMeter ring = ring(8, () -> (reads.getAndIncrement() * 3) % 8); // 3 items between two reads
        MailboxSnapshot before = snapshot(box("async", 8, null), Map.of("async", ring));
        MailboxFlows flows = MailboxFlows.start(before);
        flows.await(100);
        long started = System.nanoTime();
        MailboxFlows.Flow flow = flows.finish(before, snapshot(box("async", 8, null), Map.of())).get("async");

        long steps = 3 * (reads.get() - 1);
        assertTrue(reads.get() >= 4, "read through the window: " + reads.get());
        assertFalse(flow.atLeast(), flow.toString());
        double seconds = steps / flow.outPerSecond();
        assertTrue(seconds >= 0.1 && seconds < 0.1 + (System.nanoTime() - started) / 1e9 + 1, flow + " over " + seconds);
    }

    @Test
    void aStepOverHalfTheRingMakesTheDrainALowerBound() throws Exception {
        AtomicLong reads = new AtomicLong();
        FlowMeter ring = ring(8, () -> (reads.getAndIncrement() * 5) % 8);
        MailboxSnapshot before = snapshot(box("async", 8, null), Map.of("async", ring));
        MailboxFlows flows = MailboxFlows.start(before);
        flows.await(30);

        assertTrue(flows.finish(before, before).get("async").atLeast());
    }

    @Test
    void aMailboxWithoutAMeterOrWhoseMeterCannotBeReadOrThatIsGoneHasNoRate() throws Exception {
        MailboxSnapshot before = snapshot(List.of(box("plain", 3, null), box("broken", 3, null), box("gone", 3, null)),
                Map.of("broken", () -> -1, "gone", () -> 7));
        MailboxFlows flows = MailboxFlows.start(before);

        assertEquals(Map.of(), flows.finish(before, snapshot(List.of(box("plain", 3, null), box("broken", 3, null)),
                Map.of("broken", () -> -1))));
    }

    private static FlowMeter ring(int size, FlowMeter index) {
        return new FlowMeter() {
            @Override
            public long drained() {
                return index.drained();
            }

            @Override
            public int wrapsAt() {
                return size;
            }
        };
    }

    private static Mailbox box(String name, int size, Integer busy) {
        return new Mailbox(name, "executor", size, null, List.of(1L), null, busy, busy == null ? null : 4);
    }

    private static MailboxSnapshot snapshot(Mailbox box, Map<String, FlowMeter> meters) {
        return snapshot(List.of(box), meters);
    }

    private static MailboxSnapshot snapshot(List<Mailbox> boxes, Map<String, FlowMeter> meters) {
        return new MailboxSnapshot(boxes, new IdentityHashMap<>(), meters, null);
    }
}
