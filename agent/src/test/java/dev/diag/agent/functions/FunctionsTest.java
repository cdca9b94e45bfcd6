package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.probe.ProcessGrouping;
import dev.diag.agent.probe.TopFrames;
import dev.diag.protocol.function.Declaration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent answers exactly the protocol's table, each function as declared there. */
class FunctionsTest {
    private final Functions functions = Functions.all();

    @Test
    void answersEveryDeclaredFunctionAndNothingElse() {
        assertEquals(Arrays.stream(Declaration.values()).map(Declaration::function).toList(),
                functions.list().stream().map(DiagFunction::name).toList());
    }

    @Test
    void eachFunctionTakesItsArityAndCostFromItsDeclaration() {
        for (Declaration declaration : Declaration.values()) {
            DiagFunction function = functions.find(declaration.function());
            assertEquals(declaration.arity().min(), function.minArity(), declaration.function());
            assertEquals(declaration.arity().max(), function.maxArity(), declaration.function());
            assertSame(declaration.impact(), function.impact(), declaration.function());
        }
    }

    @Test
    void loadFileAndItsShorthandShareOneImplementation() {
        assertSame(LoadFile.class, functions.find("l").getClass());
        assertSame(LoadFile.class, functions.find("load_file").getClass());
    }

    /** The table states costs in words and figures; the figures that are the agent's own limits must be its current ones. */
    @Test
    void costsQuoteTheAgentsCurrentLimits() {
        long recordingMib = FlightRecorder.MAX_BYTES / (1024 * 1024);
        Map<Declaration, List<String>> quoted = Map.ofEntries(
                Map.entry(Declaration.I, List.of(TopFrames.BATCH + " threads per pause")),
                Map.entry(Declaration.GROUPS, List.of(TopFrames.BATCH + " threads per pause",
                        "at most " + ProcessGrouping.MAX_VIRTUAL_STACKS + " sampled")),
                Map.entry(Declaration.BACKTRACES, List.of("at most " + PauseSizedBatches.MAX_BATCH + " threads per pause")),
                Map.entry(Declaration.TOP, List.of("the " + Top.TOP_CPU + " busiest threads")),
                Map.entry(Declaration.PROC_WINDOW, List.of("at most " + ProcWindowFunction.MAX_WINDOW_MILLIS / 1000 + " s")),
                Map.entry(Declaration.ALL_LOADED, List.of("streamed " + AllLoaded.CHUNK + " rows")),
                Map.entry(Declaration.PROCESSES, List.of("at most " + Processes.MAX_PIDS + " pids")),
                Map.entry(Declaration.JCMD, List.of("cut at " + Jcmd.MAX_CHARS / (1024 * 1024) + " MiB")),
                Map.entry(Declaration.LOGGER, List.of("at most " + LoggerList.MAX_ROWS + " rows")),
                Map.entry(Declaration.JFR_START, List.of("at most " + recordingMib + " MiB kept")),
                Map.entry(Declaration.JFR_DUMP, List.of("at most " + recordingMib + " MiB")),
                Map.entry(Declaration.PROFILE, List.of("at most " + Profile.MAX_SECONDS + " s")));
        quoted.forEach((declaration, figures) -> figures.forEach(figure -> assertTrue(
                declaration.impact().description().contains(figure), declaration + " should say '" + figure + "'")));
        assertEquals(ProcWindowFunction.MAX_WINDOW_MILLIS, Declaration.PROC_WINDOW.window().maxMillis());
        assertEquals(dev.diag.agent.trace.TraceSpec.MAX_TIME_MILLIS, Declaration.TRACE.window().maxMillis());
        assertEquals(Profile.MAX_SECONDS * 1000L, Declaration.PROFILE.window().maxMillis());
    }
}
