package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.TraceCall;
import dev.diag.protocol.result.TraceInfo;
import dev.diag.protocol.result.TraceList;
import dev.diag.protocol.result.TraceSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceViewTest {
    private static final TraceView VIEW = new TraceView();

    @Test
    void aCallIsOneLineWithItsResultOrItsExceptionAndDuration() throws Exception {
        TraceCall returned = new TraceCall(0, 14, "pricing-loop", "shop.Pricing", "quote", List.of("\"fig\"", "2"), "6",
                null, 12_345, List.of());
        String line = VIEW.row(Json.mapper().valueToTree(returned), 200);
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} <14> pricing-loop shop\\.Pricing\\.quote\\(\"fig\", 2\\) -> 6 \\(12 µs\\)"),
                line);
        TraceCall threw = new TraceCall(0, 14, "pricing-loop", "shop.Pricing", "quote", List.of("\"fig\"", "0"), null,
                "java.lang.IllegalArgumentException: no quantity", 2_500_000, List.of("shop.Main.run(Main.java:3)"));
        String lines = VIEW.row(Json.mapper().valueToTree(threw), 200);
        assertTrue(lines.contains(" !! java.lang.IllegalArgumentException: no quantity (2.5 ms)"), lines);
        assertTrue(lines.endsWith(System.lineSeparator() + "    at shop.Main.run(Main.java:3)"), lines);
    }

    @Test
    void theFooterSaysHowItEndedAndWhetherTheClassesAreRestored() throws Exception {
        assertEquals(List.of("6 calls shown, none dropped; ended at its count; 1 class restored byte for byte"),
                VIEW.footer(Json.mapper().valueToTree(new TraceSummary("shop.Pricing.quote", 6, 0, "count", 1, true,
                        List.of())), 200));
        List<String> lossy = VIEW.footer(Json.mapper().valueToTree(new TraceSummary("shop.Pricing.quote", 1, 3,
                "cancelled", 2, false, List.of("shop.Pricing is not byte for byte what it was before the trace"))), 200);
        assertEquals(List.of("1 call shown, 3 dropped (the buffer was full: the app never waited); cancelled; 2 classes "
                + "NOT all restored: see below", "note: shop.Pricing is not byte for byte what it was before the trace"),
                lossy);
    }

    @Test
    void statusNamesWhoTracesWhatAndStopSaysWhatEnded() {
        TraceList one = new TraceList(List.of(new TraceInfo("ops@localhost", "shop.Pricing.quote", "{5, 1000}", 120, 0, 1,
                12_000)), 1);
        assertEquals(List.of("ops@localhost traces shop.Pricing.quote, limit {5, 1000}: 120 shown, 0 dropped, 1 class, "
                + "for 12.0 s"), TraceListView.status(one, 200));
        assertTrue(TraceListView.stopped(one, 200).get(0).startsWith("ended: ops@localhost traces"));
        assertEquals(List.of("no trace is running (a node runs at most 1 at a time)"),
                TraceListView.status(new TraceList(List.of(), 1), 200));
    }
}
