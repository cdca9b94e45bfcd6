package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** The take index of real ArrayBlockingQueues (the surefire argLine opens java.util.concurrent, as the agent does). */
class TakeIndexMeterTest {
    private final JdkInternals internals = JdkInternals.withoutInstrumentation();

    @Test
    void movesByOneForEachItemTakenAndWrapsAtTheCapacity() throws Exception {
        ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(4);
        FlowMeter meter = Queues.flow(queue, internals);
        assertEquals(4, meter.wrapsAt());
        assertEquals(0, meter.drained());
        for (int i = 0; i < 3; i++) {
            queue.put(i);
            queue.take();
        }
        assertEquals(3, meter.drained());
        for (int i = 0; i < 2; i++) {
            queue.put(i);
        }
        assertEquals(3, meter.drained(), "puts move no take index");
        queue.take();
        queue.take();
        assertEquals(1, meter.drained(), "5 taken from a ring of 4");
    }

    @Test
    void queuesThatCountNothingOrMayTakeAnotherWayHaveNoMeter() {
        assertNull(Queues.flow(new LinkedBlockingQueue<>(), internals));
        assertNull(Queues.flow(new ArrayBlockingQueue<>(4) { }, internals));
        assertNull(Queues.flow(null, internals));
    }
}
