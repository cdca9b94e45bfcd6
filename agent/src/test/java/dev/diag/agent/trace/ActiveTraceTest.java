package dev.diag.agent.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.TraceCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveTraceTest {

    private static TraceSpec spec(long count, long window, int matchIndex, String match) {
        return new TraceSpec("shop.Pricing", "quote", -1, count, window, 60_000, 0, matchIndex, match);
    }

    private static void call(ActiveTrace trace, Probe probe, Object... args) {
        PendingCall call = trace.admit(probe, args.length);
        if (call != null) {
            for (int i = 0; i < args.length; i++) {
                trace.argument(call, i, args[i]);
            }
            trace.end(call, "ok", null);
        }
    }

    @Test
    void aCountAdmitsThatManyCallsThenNone() {
        ActiveTrace trace = new ActiveTrace(spec(2, 0, -1, null), "me");
        Probe probe = new Probe(trace, "shop.Pricing", "quote", 1);
        for (int i = 0; i < 5; i++) {
            call(trace, probe, "fig");
        }
        assertNull(trace.admit(probe, 1), "beyond the count: no call is recorded");
        List<TraceCall> rows = trace.drain(100);
        assertEquals(2, rows.size());
        assertEquals(List.of("\"fig\""), rows.get(0).args());
        assertTrue(trace.spent());
    }

    @Test
    void aRateRefillsEachWindow() {
        ActiveTrace trace = new ActiveTrace(spec(1, 100, -1, null), "me");
        Probe probe = new Probe(trace, "shop.Pricing", "quote", 0);
        call(trace, probe);
        call(trace, probe);
        trace.refill();
        call(trace, probe);
        assertEquals(2, trace.drain(100).size());
        assertFalse(trace.spent(), "a rate is never spent: it ends at its time");
    }

    @Test
    void onlyMatchingCallsCountWhenAnArgumentIsAsked() {
        ActiveTrace trace = new ActiveTrace(spec(1, 0, 0, "fig"), "me");
        Probe probe = new Probe(trace, "shop.Pricing", "quote", 1);
        call(trace, probe, "apple");
        call(trace, probe, "fig");
        call(trace, probe, "fig");
        List<TraceCall> rows = trace.drain(100);
        assertEquals(1, rows.size());
        assertEquals("\"fig\"", rows.get(0).args().get(0));
    }

    @Test
    void aFullBufferDropsAndCountsInsteadOfWaiting() {
        ActiveTrace trace = new ActiveTrace(spec(ActiveTrace.BUFFER + 10, 0, -1, null), "me");
        Probe probe = new Probe(trace, "shop.Pricing", "quote", 0);
        for (int i = 0; i < ActiveTrace.BUFFER + 10; i++) {
            call(trace, probe);
        }
        assertEquals(10, trace.dropped());
        assertEquals(ActiveTrace.BUFFER, trace.drain(Integer.MAX_VALUE).size());
    }

    @Test
    void aClosedTraceRecordsNothing() {
        ActiveTrace trace = new ActiveTrace(spec(10, 0, -1, null), "me");
        Probe probe = new Probe(trace, "shop.Pricing", "quote", 0);
        assertNotNull(trace.admit(probe, 0));
        trace.close();
        assertNull(trace.admit(probe, 0));
    }
}
