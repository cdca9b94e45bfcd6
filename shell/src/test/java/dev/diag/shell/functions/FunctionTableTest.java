package dev.diag.shell.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.MemoryAmount;
import dev.diag.shell.expr.Call;
import dev.diag.shell.expr.ExprParser;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionTableTest {
    private final FunctionTable table = FunctionTable.standard();

    @ParameterizedTest
    @ValueSource(strings = {"memory()", "memory(heap)", "erlang:memory()", "c:memory()", "recon:memory(total)"})
    void resolvesMemoryWithoutAModuleAndWithEveryErlangModule(String line) throws Exception {
        assertSame(table.find("memory").orElseThrow(), table.resolve(ExprParser.parse(line)));
    }

    @Test
    void traceStopIsTheTracesOwnWhileStopStopsTheNode() throws Exception {
        assertSame(table.find("trace_stop").orElseThrow(), table.resolve(ExprParser.parse("trace:stop()")));
        assertSame(table.find("trace_status").orElseThrow(), table.resolve(ExprParser.parse("trace:status()")));
        assertSame(table.find("stop").orElseThrow(), table.resolve(ExprParser.parse("stop()")));
        assertSame(table.find("status").orElseThrow(), table.resolve(ExprParser.parse("heart:status()")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"heart:memory()", "foo:memory()"})
    void refusesMemoryUnderAModuleThatDoesNotHaveIt(String line) throws Exception {
        UnknownFunctionException e = assertThrows(UnknownFunctionException.class, () -> table.resolve(ExprParser.parse(line)));
        String written = line.substring(0, line.indexOf('(')) + "/0";
        assertTrue(e.getMessage().startsWith("there is no function " + written), e.getMessage());
    }

    @Test
    void suggestsTheAritiesAndHelpWhenTheArityIsWrong() throws Exception {
        UnknownFunctionException e = assertThrows(UnknownFunctionException.class,
                () -> table.resolve(ExprParser.parse("memory(heap, stacks)")));
        assertEquals("there is no function memory/2; did you mean memory/0,1? help(memory) shows its arguments",
                e.getMessage());
    }

    @Test
    void suggestsTheNearestNameForATypo() throws Exception {
        UnknownFunctionException e = assertThrows(UnknownFunctionException.class,
                () -> table.resolve(ExprParser.parse("memroy()")));
        assertEquals("there is no function memroy/0; did you mean memory?", e.getMessage());
    }

    @Test
    void keepsTheModuleInTheSentenceAboutATypo() throws Exception {
        UnknownFunctionException e = assertThrows(UnknownFunctionException.class,
                () -> table.resolve(ExprParser.parse("erlang:memroy()")));
        assertEquals("there is no function erlang:memroy/0; did you mean memory?", e.getMessage());
    }

    @Test
    void pointsToHelpWhenNoNameIsNear() throws Exception {
        UnknownFunctionException e = assertThrows(UnknownFunctionException.class,
                () -> table.resolve(ExprParser.parse("xyzzy()")));
        assertEquals("there is no function xyzzy/0; help() lists them all", e.getMessage());
    }

    @Test
    void makesEachSpecOncePerTableAndEachTableItsOwn() {
        // streamed views keep state per session: two sessions (a fleet's nodes) must not share them
        assertSame(table.find("i").orElseThrow(), table.find("i").orElseThrow());
        assertNotSame(table.find("i").orElseThrow(), FunctionTable.standard().find("i").orElseThrow());
    }

    @Test
    void findsAFunctionByItsAgentName() {
        assertEquals("memory", table.find("memory").orElseThrow().name());
        assertTrue(table.find("memroy").isEmpty());
    }

    @Test
    void listsMemoryWithItsSignatureAndErlangModules() {
        List<FunctionSpec> all = table.all();
        assertEquals("why", all.get(0).name()); // the first thing to type on a sick node leads help()
        FunctionSpec memory = all.get(1);
        assertEquals("memory/0,1", memory.signature());
        assertEquals(Set.of("erlang", "c", "recon"), memory.modules());
    }

    @Test
    void allIsACopyCallersCannotChange() {
        assertThrows(UnsupportedOperationException.class, () -> table.all().clear());
    }

    @Test
    void aSpecAcceptsExactlyTheAritiesInItsRange() {
        FunctionSpec memory = table.find("memory").orElseThrow();
        assertFalse(memory.acceptsArity(-1));
        assertTrue(memory.acceptsArity(0));
        assertTrue(memory.acceptsArity(1));
        assertFalse(memory.acceptsArity(2));
    }

    @Test
    void aSignatureWithOneArityNamesOnlyIt() {
        assertEquals("deadlocks/0", table.find("deadlocks").orElseThrow().signature());
        assertEquals("i/0,1,2,3", table.find("i").orElseThrow().signature());
    }

    @Test
    void resolvesACallBuiltByHand() throws Exception {
        assertEquals("memory", table.resolve(new Call("c", "memory", List.of())).name());
    }

    @Test
    void hasOneEntryPerDeclaredFunctionInTheDeclaredOrder() {
        assertEquals(Arrays.stream(Declaration.values()).map(Declaration::function).toList(),
                table.all().stream().map(FunctionSpec::name).toList());
    }

    @Test
    void refusesAViewThatDoesNotFitHowTheNodeAnswers() {
        FunctionView oneResult = FunctionView.of((call, result, width) -> List.of());
        IllegalStateException streamed = assertThrows(IllegalStateException.class,
                () -> new FunctionSpec(Declaration.BACKTRACES, oneResult));
        assertTrue(streamed.getMessage().startsWith("backtraces/0 answers STREAM"), streamed.getMessage());
        assertThrows(IllegalStateException.class,
                () -> new FunctionSpec(Declaration.MEMORY, table.find("i").orElseThrow().view()));
        assertThrows(IllegalStateException.class, // a live function needs a live view, not any stream
                () -> new FunctionSpec(Declaration.TOP, table.find("backtraces").orElseThrow().view()));
    }

    @Test
    void memoryPicksItsRecordByWhatWasAskedNotByWhichFieldsCameBack() throws Exception {
        FunctionView.Renderer memory = table.find("memory").orElseThrow().renderer();
        JsonNode amount = Json.mapper().valueToTree(new MemoryAmount("heap", 1024));
        assertEquals(List.of("1024   (heap: 1.00 KiB)"), memory.render(ExprParser.parse("memory(heap)"), amount, 80));
        // the whole report asked for, an amount received: a shape this shell cannot show, not a wrong view
        assertThrows(Exception.class, () -> memory.render(ExprParser.parse("memory()"), amount, 80));
    }

    @Test
    void resolvesAModulesOwnFunctionByItsQualifiedNameOnly() throws Exception {
        assertEquals("logger_set_level", table.resolve(ExprParser.parse("logger:set_level(\"a\", debug)")).name());
        assertEquals("logger_reset", table.resolve(ExprParser.parse("logger:reset()")).name());
        UnknownFunctionException bare = assertThrows(UnknownFunctionException.class,
                () -> table.resolve(ExprParser.parse("set_level(a, debug)")));
        assertTrue(bare.getMessage().startsWith("there is no function set_level/2"), bare.getMessage());
        UnknownFunctionException elsewhere = assertThrows(UnknownFunctionException.class,
                () -> table.resolve(ExprParser.parse("heart:reset()")));
        assertTrue(elsewhere.getMessage().startsWith("there is no function heart:reset/0"), elsewhere.getMessage());
    }
}
