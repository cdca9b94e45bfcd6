package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.protocol.result.ProfileProgress;
import dev.diag.protocol.result.ProfileReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** profile() in-process, with the real async-profiler loaded into the test's JVM. */
class ProfileTest {
    private static volatile long sink;

    @Test
    void aCpuProfileStreamsProgressAndFindsTheSpinningMethod() throws Exception {
        AtomicBoolean spin = new AtomicBoolean(true);
        Thread spinner = new Thread(() -> {
            long x = 1;
            while (spin.get()) {
                x = spinHere(x);
            }
            sink = x;
        }, "spinner");
        spinner.start();
        Recording context = new Recording();
        try {
            ProfileReport report = (ProfileReport) new Profile().call(args("cpu", 2), context);

            assertEquals("cpu", report.event());
            assertEquals("samples", report.unit());
            assertTrue(report.stacks().get(0).frames().contains("ProfileTest.spinHere"), report.stacks().get(0).frames());
            assertFalse(context.rows.isEmpty(), "no progress while sampling");
            assertTrue(context.rows.get(0) instanceof ProfileProgress);
        } finally {
            spin.set(false);
            spinner.join(5_000);
        }
    }

    @Test
    void refusesAnUnknownEventAndWindowsOutsideOneTo300Seconds() {
        Profile profile = new Profile();

        assertTrue(assertThrows(FunctionException.class, () -> profile.call(args("heap", 2), new Recording()))
                .getMessage().contains("unknown event 'heap'; use one of cpu, alloc, lock, wall"));
        assertTrue(assertThrows(FunctionException.class, () -> profile.call(args("cpu", 0), new Recording()))
                .getMessage().contains("samples for 1 to 300 seconds, got 0"));
        assertTrue(assertThrows(FunctionException.class, () -> profile.call(args("cpu", 301), new Recording()))
                .getMessage().contains("got 301"));
    }

    @Test
    void aCancelledProfileEndsEarlyWithWhatItSampled() throws Exception {
        Recording context = new Recording();
        context.cancelAfterRows = 1;
        long start = System.nanoTime();

        ProfileReport report = (ProfileReport) new Profile().call(args("wall", 60), context);

        assertTrue(System.nanoTime() - start < 30_000_000_000L, "a cancelled profile waits out its 60 s");
        assertTrue(report.notes().contains("cancelled: the stacks sampled until then"), report.notes().toString());
    }

    private static long spinHere(long x) {
        for (int i = 0; i < 1000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    private static Args args(String event, int seconds) {
        return new Args("profile", List.<JsonNode>of(new TextNode(event), new IntNode(seconds)));
    }

    /** A streaming context that keeps the rows, and cancels after a given number of them. */
    private static final class Recording implements CallContext {
        final List<Object> rows = new ArrayList<>();
        int cancelAfterRows = Integer.MAX_VALUE;

        @Override
        public synchronized boolean cancelled() {
            return rows.size() >= cancelAfterRows;
        }

        @Override
        public synchronized void emit(List<?> emitted) {
            rows.addAll(emitted);
        }
    }
}
