package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * trace() against one real target on JDK 17 and one on a JDK 21+ (25 here), beside another
 * agent's retransforming transformer (the fixture's ApmAgent, as an APM would be): a loop's method
 * by count (returns and an exception shown) and by rate, an app object as an argument (its
 * toString never runs), the caller's frames and an argument match, an interface whose
 * implementation loads while the trace runs, a caller that goes away mid-trace, a second trace
 * refused, trace:status() and trace:stop(), the refusals, and in the console the question before
 * it runs and Ctrl-C ending it. Every trace's end reports its classes restored byte for byte (the
 * agent compares the class file the JVM re-installs with the one it captured before hooking), and
 * the APM's change survives every trace.
 */
class TraceIT {
    private static final String PRICING = "dev.diag.it.fixture.shop.Pricing";

    @ParameterizedTest(name = "on JDK {0}")
    @ValueSource(strings = {"17", "21+"})
    void tracesLiveWithinItsLimitsAndRestoresTheBytes(String jdk) throws Exception {
        Path java = jdk.equals("17") ? Jdks.current() : Jdks.requireModern();
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path trigger = home.path().resolve("load-circle");
            try (TargetJvm target = TargetJvm.start(java, home, "traced", "",
                    List.of("-javaagent:" + apmAgentJar(home.path())), Repo.TEST_CLASSES.toString(),
                    "dev.diag.it.fixture.TracedTarget", trigger.toString())) {
                NodeCalls node = new NodeCalls(home, "traced");
                byCount(node);
                argumentsAndCallers(node);
                byRateOverAnInterfaceWithALateClass(home, trigger);
                endsWithItsCallerAndRunsOneAtATime(home, node);
                traceStopEndsAnotherCallersTrace(home, node);
                refusesWithTheReason(home);
                consoleAsksFirstAndCtrlCEndsIt(home, node);

                String output = target.output();
                assertFalse(output.contains("toString ran"), "no app toString ran: " + output);
                assertTrue(output.contains("channel now apm-woven") && !output.contains("channel now untouched"),
                        "the APM's change held through every trace: " + output);
                assertTrue(target.isAlive());
            }
        }
    }

    /** Five calls in a row of the loop's i % 5 quantities, so one of them throws; one JSON object per call. */
    private static void byCount(NodeCalls node) throws Exception {
        List<JsonNode> counted = node.json("trace({" + PRICING + ", quote, 2}, 5)");
        assertEquals(6, counted.size(), counted::toString);
        boolean returned = false;
        boolean threw = false;
        for (JsonNode line : counted.subList(0, 5)) {
            JsonNode call = line.get("row");
            assertEquals("pricing-loop", call.get("thread").asText());
            assertTrue(call.get("args").get(0).asText().matches("\"(apple|pear|fig)\""), call::toString);
            returned |= call.hasNonNull("result") && call.get("result").asInt() > 0;
            threw |= call.path("exception").asText().startsWith("java.lang.IllegalArgumentException: no quantity");
        }
        assertTrue(returned && threw, counted::toString);
        JsonNode summary = counted.get(5).get("result");
        assertEquals("count", summary.get("ended").asText());
        assertTrue(summary.get("restored").asBoolean(), summary::toString);
        assertEquals(1, summary.get("classes").asInt());
    }

    /** An app object by class and identity; the caller's frames; only calls whose first argument is "fig"; the APM's constant. */
    private static void argumentsAndCallers(NodeCalls node) throws Exception {
        JsonNode priced = node.json("trace(" + PRICING + ", priceOf, 1)").get(0).get("row");
        assertTrue(priced.get("args").get(0).asText().matches("dev\\.diag\\.it\\.fixture\\.shop\\.Square@[0-9a-f]+"),
                priced::toString);
        assertEquals("8.0", priced.get("result").asText());

        List<JsonNode> figs = node.json("trace({" + PRICING + ", quote, 2}, 3, [{arg, 1, \"fig\"}, {stack, 2}])");
        assertEquals(4, figs.size(), figs::toString);
        for (JsonNode line : figs.subList(0, 3)) {
            JsonNode call = line.get("row");
            assertEquals("\"fig\"", call.get("args").get(0).asText(), call::toString);
            assertEquals(2, call.get("stack").size(), call::toString);
            assertTrue(call.get("stack").get(0).asText().startsWith("dev.diag.it.fixture.TracedTarget."), call::toString);
        }
        assertTrue(figs.get(3).get("result").get("restored").asBoolean(), figs::toString);

        List<JsonNode> channel = node.json("trace(" + PRICING + ", channel, 1)");
        assertEquals("\"apm-woven\"", channel.get(0).get("row").get("result").asText(), channel::toString);
        assertTrue(channel.get(1).get("result").get("restored").asBoolean(), channel::toString);
    }

    /** Square now, Circle once it loads (after the trace began), at most 2 calls per 200 ms. */
    private static void byRateOverAnInterfaceWithALateClass(DiagHomeDir home, Path trigger) throws Exception {
        DiagCli.Running rated = DiagCli.start(home, null, "--node", "traced", "--cmd",
                "trace(dev.diag.it.fixture.shop.Shape, area, {2, 200}, [{time, 3}])");
        NodeCalls.await("the interface trace's first calls", () -> Files.readString(rated.out()),
                out -> out.contains("Square.area() -> 4.0"));
        Files.createFile(trigger);
        DiagCli.Run rate = rated.finish();
        assertEquals(0, rate.exit(), rate::toString);
        assertTrue(rate.out().contains("Circle.area() -> 3.0"), rate::toString);
        long shown = rate.outLines().stream().filter(l -> l.contains(".area() -> ")).count();
        assertTrue(shown >= 2 && shown <= 2 * (3000 / 200 + 1), "at most 2 per 200 ms: " + rate);
        assertTrue(rate.out().contains("ended at its time limit; 2 classes restored byte for byte"), rate::toString);
    }

    /** A caller that goes away mid-trace ends it, and the node is free for the next; meanwhile a second trace is refused. */
    private static void endsWithItsCallerAndRunsOneAtATime(DiagHomeDir home, NodeCalls node) throws Exception {
        DiagCli.Running gone = DiagCli.start(home, null, "--node", "traced", "--cmd",
                "trace(" + PRICING + ", quote, {10, 100}, [{time, 60}])");
        NodeCalls.await("the trace's first call", () -> Files.readString(gone.out()),
                out -> out.contains(PRICING + ".quote("));
        assertTrue(node.text("trace:status()").contains("traces " + PRICING + ".quote, limit {10, 100}"));
        DiagCli.Run second = DiagCli.run(home, "--node", "traced", "--cmd", "trace(" + PRICING + ", currency, 1)");
        assertEquals(1, second.exit(), second::toString);
        assertTrue(second.err().startsWith("diag: ") && second.err().contains("a trace is running on this node already"),
                second::toString);
        gone.process().destroy();
        NodeCalls.await("the trace to end with its caller", () -> node.text("trace:status()"),
                status -> status.startsWith("no trace is running"));
        String again = node.text("trace(" + PRICING + ", channel, 1)");
        assertTrue(again.contains(PRICING + ".channel() -> \"apm-woven\""), again);
        assertTrue(again.contains("restored byte for byte"), again);
    }

    private static void traceStopEndsAnotherCallersTrace(DiagHomeDir home, NodeCalls node) throws Exception {
        DiagCli.Running stopped = DiagCli.start(home, null, "--node", "traced", "--cmd",
                "trace(" + PRICING + ", '*', {1, 1000}, [{time, 60}])");
        NodeCalls.await("the trace to run", () -> node.text("trace:status()"), status -> status.contains("traces"));
        assertTrue(node.text("trace:stop()").startsWith("ended: "));
        DiagCli.Run run = stopped.finish();
        assertTrue(run.out().contains("ended by trace:stop(); 1 class restored byte for byte"), run::toString);
    }

    private static void refusesWithTheReason(DiagHomeDir home) throws Exception {
        List<List<String>> refusals = List.of(
                List.of("trace(java.util.concurrent.ConcurrentLinkedQueue, offer, 1)",
                        "would call the hook from inside itself"),
                List.of("trace(dev.diag.agent.AgentMain, premain, 1)", "diag does not trace its own classes"),
                List.of("trace(dev.diag.it.fixture.TracedTraget, main, 1)", "nearest: dev.diag.it.fixture.TracedTarget"),
                List.of("trace(" + PRICING + ", qoute, 1)", "nearest: quote/2"),
                List.of("trace(" + PRICING + ", quote)", "trace takes a class, a method and a limit"));
        for (List<String> refusal : refusals) {
            DiagCli.Run run = DiagCli.run(home, "--node", "traced", "--cmd", refusal.get(0));
            assertEquals(1, run.exit(), run::toString);
            assertTrue(run.err().startsWith("diag: ") && run.err().contains(refusal.get(1))
                    && run.err().strip().lines().count() == 1, run::toString);
        }
    }

    /** A high-impact call: the console asks; Ctrl-C ends the trace, which restores its class all the same. */
    private static void consoleAsksFirstAndCtrlCEndsIt(DiagHomeDir home, NodeCalls node) throws Exception {
        try (Tmux tmux = new Tmux(home, Repo.DIAG + " attach traced")) {
            tmux.awaitText(")1> ", 30);
            tmux.line("trace(" + PRICING + ", quote, {5, 1000}).");
            String screen = tmux.awaitText("Run it? (y/n)", 10);
            assertTrue(screen.contains("is high impact on traced@"), screen);
            tmux.line("y");
            tmux.awaitText(PRICING + ".quote(", 20);
            tmux.keys("C-c");
            tmux.awaitText(")2> ", 10);
            NodeCalls.await("the trace to end", () -> node.text("trace:status()"),
                    status -> status.startsWith("no trace is running"));
            tmux.line("q().");
            tmux.awaitConsoleEnded(10);
        }
    }

    /** A jar whose manifest makes ApmAgent (on the class path) a retransforming agent. */
    private static Path apmAgentJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "dev.diag.it.fixture.ApmAgent");
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        Path jar = dir.resolve("apm-agent.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
        return jar;
    }
}
