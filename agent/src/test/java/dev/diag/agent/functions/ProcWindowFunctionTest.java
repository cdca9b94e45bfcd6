package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.agent.Await;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.protocol.result.ProcCount;
import dev.diag.protocol.result.ProcWindow;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcWindowFunctionTest {
    private final JdkInternals internals = JdkInternals.withoutInstrumentation();
    private final AtomicBoolean spin = new AtomicBoolean(true);
    private Thread spinner;

    @AfterEach
    void stop() throws InterruptedException {
        spin.set(false);
        if (spinner != null) {
            spinner.join(5_000);
        }
    }

    @Test
    void aSpinningThreadBornInTheWindowIsTheBusiestCountedFromZeroAndTheStarterThatDiedIsCounted() throws Exception {
        ProcWindowFunction window = new ProcWindowFunction(internals);
        Thread starter = new Thread(() -> {
            sleep(100);
            spinner = new Thread(this::spin, "spinner");
            spinner.start();
        }, "starter");
        starter.start();

        ProcWindow result = (ProcWindow) window.call(args("proc_window", atom("reductions"), num(3), num(600)), OneShotContext.INSTANCE);
        Await.ended(starter);

        assertEquals("spinner", result.processes().get(0).name(), result.toString());
        assertTrue(result.born() >= 1, "the spinner was born in the window: " + result);
        assertTrue(result.died() >= 1, "the starter ended in the window: " + result);
        assertEquals(result.processes().get(0).value(), result.processes().get(0).delta(), "born: counted from zero");
        // the rate is the delta over the measured window; how much of a core the spinner got depends on the
        // machine's load (5% at load 40 on 2 cores), so only that it got some is asserted
        double perSecond = result.processes().get(0).delta() * 1e3 / result.measuredMillis();
        assertTrue(result.processes().get(0).perSecond() > 0, result.toString());
        assertEquals(perSecond, result.processes().get(0).perSecond(), perSecond * 0.01, result.toString());
        assertTrue(result.measuredMillis() >= 600, result.toString());
    }

    @Test
    void procCountRanksTotalsWithTheWinnersStateAndFunction() throws Exception {
        spinner = new Thread(this::spin, "spinner");
        spinner.start();
        sleep(1500); // more CPU than any thread of this JVM but the test runner's own main thread, maybe

        ProcCount result = (ProcCount) new ProcCountFunction(internals).call(args("proc_count", atom("reductions"),
                num(5)), OneShotContext.INSTANCE);

        assertEquals(5, result.processes().size());
        assertTrue(result.processes().stream().anyMatch(p -> p.name().equals("spinner") && p.state().equals("RUNNABLE")
                && p.currentFunction() != null), result.toString());
        assertTrue(result.processes().get(0).value() >= result.processes().get(4).value());
    }

    @Test
    void badArgumentsAreOneSentenceEach() {
        ProcWindowFunction window = new ProcWindowFunction(internals);
        assertTrue(message(window, atom("heap"), num(3), num(10)).startsWith("unknown attribute 'heap'; use one of "
                + "reductions, memory, message_queue_len"));
        assertTrue(message(window, atom("memory"), num(0), num(10)).startsWith("N must be a whole number from 1 to"));
        assertTrue(message(window, atom("memory"), num(3), num(0)).startsWith("Ms must be a window of 1 to 60000"));
        assertTrue(message(window, atom("memory"), num(3), num(60_001)).contains("got 60001"));
        assertTrue(message(window, atom("memory"), num(3), atom("soon")).contains("got \"soon\""));
    }

    @Test
    void aCancelledWindowEndsAtOnce() throws Exception {
        ProcWindowFunction window = new ProcWindowFunction(internals);
        Thread caller = Thread.currentThread();
        Thread canceller = new Thread(() -> {
            sleep(200);
            caller.interrupt(); // what the agent does when the caller cancels
        });
        canceller.start();
        long start = System.nanoTime();
        FunctionException e = assertThrows(FunctionException.class, () -> window.call(args("proc_window",
                atom("reductions"), num(3), num(30_000)), OneShotContext.INSTANCE));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
        assertTrue(e.getMessage().contains("cancelled"));
        Thread.interrupted();
    }

    private String message(ProcWindowFunction window, JsonNode... values) {
        return assertThrows(FunctionException.class, () -> window.call(args("proc_window", values),
                OneShotContext.INSTANCE)).getMessage();
    }

    private void spin() {
        long x = 0;
        while (spin.get()) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Args args(String fn, JsonNode... values) {
        return new Args(fn, List.of(values));
    }

    private static JsonNode atom(String atom) {
        return TextNode.valueOf(atom);
    }

    private static JsonNode num(int n) {
        return IntNode.valueOf(n);
    }
}
