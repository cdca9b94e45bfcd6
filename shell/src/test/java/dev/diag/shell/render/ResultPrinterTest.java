package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.MemoryAmount;
import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.ProfileReport;
import dev.diag.protocol.result.ProfileStack;
import dev.diag.shell.client.CallOutcome;
import dev.diag.shell.client.Evaluator.Evaluation;
import dev.diag.shell.expr.Call;
import dev.diag.shell.expr.ExprParser;
import dev.diag.shell.functions.FunctionSpec;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.functions.FunctionView;
import dev.diag.shell.functions.OutputFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultPrinterTest {
    private static final String NODE = "orders@db1";
    private static final int WIDTH = 100;
    private static final ObjectMapper PLAIN = new ObjectMapper(); // a script's parser, not ours
    private static final FunctionSpec MEMORY = FunctionTable.standard().find("memory").orElseThrow();
    private static final FunctionSpec PROFILE = FunctionTable.standard().find("profile").orElseThrow();
    private static final String BAD_KIND = "memory(Kind) takes one of total, heap, non_heap; got foo";

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    // --- JSON mode

    @Test
    void jsonPrintsOneParseableLineNamingNodeCallAndResult() throws Exception {
        JsonNode result = Json.mapper().valueToTree(new MemoryAmount("heap", 100L << 20));
        assertTrue(printer(true).print(NODE, answer("erlang:memory(heap).", ok(result))));

        List<String> lines = lines(outBytes);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = PLAIN.readTree(lines.get(0));
        assertEquals(NODE, line.get("node").asText());
        assertEquals("erlang:memory(heap)", line.get("call").asText());
        assertTrue(line.get("ok").asBoolean());
        assertEquals(sameNumbers(result), line.get("result"));
        assertFalse(line.has("rows"));
        assertFalse(line.has("error"));
        assertEquals("", err());
    }

    /**
     * The envelope scripts rely on (docs/scripting.md), pinned: the version first, then the same
     * fields in the same order for an answer, a failure and a session's failure. Changing this test
     * means a new envelope version.
     */
    @Test
    void everyJsonLineIsVersionOneWithItsFieldsInAPinnedOrder() throws Exception {
        ResultPrinter printer = printer(true);
        printer.print(NODE, answer("memory(heap)", ok(Json.mapper().valueToTree(new MemoryAmount("heap", 7)))));
        printer.print(NODE, answer("memory(foo)", failed(new CallError(CallError.BAD_ARGUMENT, BAD_KIND))));
        printer.failure(NODE, null, "unreachable", "cannot reach orders@db1.");

        List<String> lines = lines(outBytes);
        assertEquals(List.of(
                "{\"v\":1,\"node\":\"orders@db1\",\"call\":\"memory(heap)\",\"ok\":true,\"result\":{\"kind\":\"heap\",\"bytes\":7}}",
                "{\"v\":1,\"node\":\"orders@db1\",\"call\":\"memory(foo)\",\"ok\":false,\"error\":{\"code\":\"bad_argument\","
                        + "\"message\":\"" + BAD_KIND + "\"}}",
                "{\"v\":1,\"node\":\"orders@db1\",\"ok\":false,\"error\":{\"code\":\"unreachable\",\"message\":"
                        + "\"cannot reach orders@db1.\"}}"), lines);
        assertEquals(JsonLines.VERSION, PLAIN.readTree(lines.get(0)).get("v").asInt());
    }

    @Test
    void jsonPrintsAWholeMemoryReportAsTheNodeSentIt() throws Exception {
        JsonNode result = Json.mapper().valueToTree(MemoryReports.typical());
        printer(true).print(NODE, answer("memory()", ok(result)));
        JsonNode line = PLAIN.readTree(single(outBytes));
        assertEquals(sameNumbers(result), line.get("result"));
        assertEquals(MemoryReports.typical(), Json.mapper().treeToValue(line.get("result"), MemoryReport.class));
    }

    @Test
    void jsonAddsTheStreamedRowsWhenThereAreAny() throws Exception {
        List<JsonNode> rows = List.of(PLAIN.readTree("{\"pid\":61}"), PLAIN.readTree("{\"pid\":62}"));
        JsonNode result = PLAIN.readTree("{\"total\":2}");
        printer(true).print(NODE, answer("memory()", new CallOutcome(true, result, null, rows)));
        JsonNode line = PLAIN.readTree(single(outBytes));
        assertEquals(PLAIN.readTree("[{\"pid\":61},{\"pid\":62}]"), line.get("rows"));
        assertEquals(result, line.get("result"));
    }

    @Test
    void jsonPrintsExactlyOneLinePerEvaluationEvenWithNewlinesInTheResult() throws Exception {
        ResultPrinter printer = printer(true);
        printer.print(NODE, answer("memory()", ok(PLAIN.readTree("{\"note\":\"two\\nlines\"}"))));
        printer.separate();
        printer.print(NODE, answer("memory(foo)", failed(new CallError(CallError.BAD_ARGUMENT, BAD_KIND))));
        List<String> lines = lines(outBytes);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("two\nlines", PLAIN.readTree(lines.get(0)).get("result").get("note").asText());
        assertFalse(PLAIN.readTree(lines.get(1)).get("ok").asBoolean());
    }

    @Test
    void jsonReportsAFailedCallOnStdoutAndOneSentenceOnStderr() throws Exception {
        assertFalse(printer(true).print(NODE, answer("memory(foo)", failed(new CallError(CallError.BAD_ARGUMENT, BAD_KIND)))));

        JsonNode line = PLAIN.readTree(single(outBytes));
        assertEquals(NODE, line.get("node").asText());
        assertEquals("memory(foo)", line.get("call").asText());
        assertFalse(line.get("ok").asBoolean());
        assertEquals(PLAIN.readTree("{\"code\":\"bad_argument\",\"message\":\"" + BAD_KIND + "\"}"), line.get("error"));
        assertFalse(line.has("result"));
        assertEquals(List.of("memory(foo): " + BAD_KIND), lines(errBytes));
    }

    @Test
    void jsonGivesAFailureWithoutAnErrorTheCodeFailed() throws Exception {
        printer(true).print(NODE, answer("memory()", failed(null)));
        JsonNode error = PLAIN.readTree(single(outBytes)).get("error");
        assertEquals("failed", error.get("code").asText());
        assertEquals("no reason given", error.get("message").asText());
        assertEquals(List.of("memory(): no reason given"), lines(errBytes));
    }

    @Test
    void jsonPrintsAResultTheShellCannotRenderAsItCame() throws Exception {
        JsonNode odd = PLAIN.readTree("{\"heap\":\"lots\"}");
        assertTrue(printer(true).print(NODE, answer("memory()", ok(odd))));
        assertEquals(odd, PLAIN.readTree(single(outBytes)).get("result"));
        assertEquals("", err());
    }

    @Test
    void jsonReportsAnInvalidLineWithTheCodeInvalid() throws Exception {
        Evaluation invalid = new Evaluation.Invalid("memroy()", "there is no function memroy/0; did you mean memory?",
                "there is no function memroy/0; did you mean memory?");
        assertFalse(printer(true).print(NODE, invalid));
        JsonNode line = PLAIN.readTree(single(outBytes));
        assertEquals("memroy()", line.get("call").asText());
        assertEquals("invalid", line.get("error").get("code").asText());
        assertEquals("there is no function memroy/0; did you mean memory?", line.get("error").get("message").asText());
        assertEquals(List.of("there is no function memroy/0; did you mean memory?"), lines(errBytes));
    }

    @Test
    void jsonReportsASessionFailureWithoutACall() throws Exception {
        printer(true).failure(NODE, null, "unreachable", "cannot reach orders@db1 at db1:4370: connection refused.");
        JsonNode line = PLAIN.readTree(single(outBytes));
        assertFalse(line.has("call"));
        assertFalse(line.get("ok").asBoolean());
        assertEquals("unreachable", line.get("error").get("code").asText());
        assertEquals(List.of("cannot reach orders@db1 at db1:4370: connection refused."), lines(errBytes));
    }

    @Test
    void jsonNeedsNoSeparatorBetweenAnswers() {
        printer(true).separate();
        assertEquals("", out());
    }

    @Test
    void jsonKeepsEveryStdoutLineJsonForHelpToo() throws Exception {
        printer(true).print(NODE, new Evaluation.Local("help()", width -> HelpView.overview(FunctionTable.standard().all(), width)));
        List<String> lines = lines(outBytes);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = PLAIN.readTree(lines.get(0));
        assertEquals("help()", line.get("call").asText());
        assertTrue(line.get("result").get("lines").get(0).asText().startsWith("why/0"), line.toString());
    }

    // --- human mode

    @Test
    void humanPrintsTheRenderedMemoryTablesOnStdout() {
        JsonNode result = Json.mapper().valueToTree(MemoryReports.typical());
        assertTrue(printer(false).print(NODE, answer("memory()", ok(result))));
        assertEquals(MemoryView.render(MemoryReports.typical(), WIDTH), lines(outBytes));
        assertEquals("", err());
    }

    @Test
    void humanRendersToThePrintersWidth() {
        JsonNode result = Json.mapper().valueToTree(MemoryReports.typical());
        new ResultPrinter(out, err, false, 60).print(NODE, answer("memory()", ok(result)));
        assertEquals(MemoryView.render(MemoryReports.typical(), 60), lines(outBytes));
    }

    @Test
    void humanPrintsOneFigureForMemoryOfAKind() {
        JsonNode result = Json.mapper().valueToTree(new MemoryAmount("heap", 100L << 20));
        printer(false).print(NODE, answer("memory(heap)", ok(result)));
        assertEquals(List.of("104857600   (heap: 100 MiB)"), lines(outBytes));
    }

    @Test
    void humanPrintsAFailedCallAsCallColonMessageOnStderr() {
        assertFalse(printer(false).print(NODE, answer("erlang:memory(foo)",
                failed(new CallError(CallError.BAD_ARGUMENT, BAD_KIND)))));
        assertEquals("", out());
        assertEquals(List.of("erlang:memory(foo): " + BAD_KIND), lines(errBytes));
    }

    @Test
    void humanSaysAResultOfAnUnexpectedShapeInOneSentenceMentioningJson() throws Exception {
        JsonNode missingFields = PLAIN.readTree("{\"heap\":{\"used\":1}}");
        assertFalse(printer(false).print(NODE, answer("memory()", ok(missingFields))));
        assertOneSentenceAboutTheShape("memory()");
    }

    @Test
    void humanSaysSoWhenTheResultIsNull() {
        assertFalse(printer(false).print(NODE, answer("memory()", ok(null))));
        assertOneSentenceAboutTheShape("memory()");
    }

    @Test
    void humanSaysSoWhenARendererThrows() {
        FunctionSpec broken = new FunctionSpec(Declaration.MEMORY, FunctionView.of((c, result, width) -> {
            throw new IllegalStateException("a very\nlong story");
        }));
        Call call = new Call(null, "memory", List.of());
        assertFalse(printer(false).print(NODE, new Evaluation.Answer(call, broken, ok(null))));
        assertOneSentenceAboutTheShape("memory()");
        assertFalse(err().contains("IllegalStateException") || err().contains("long story"), err()); // no class name
    }

    @Test
    void humanSaysSoWhenAMemoryAmountLacksItsBytes() throws Exception {
        assertFalse(printer(false).print(NODE, answer("memory(heap)", ok(PLAIN.readTree("{\"kind\":\"heap\"}")))));
        assertEquals("", out());
        assertOneSentenceAboutTheShape("memory(heap)");
    }

    @Test
    void humanShowsEvenTheMostNegativeFigureWithoutFailing() throws Exception {
        JsonNode result = PLAIN.readTree("{\"kind\":\"heap\",\"bytes\":" + Long.MIN_VALUE + "}");
        assertTrue(printer(false).print(NODE, answer("memory(heap)", ok(result))));
        assertEquals(List.of(Long.MIN_VALUE + "   (heap: -8192 PiB)"), lines(outBytes));
        assertEquals("", new String(errBytes.toByteArray()));
    }

    @Test
    void humanPrintsAnInvalidLineAsShownOnStderr() {
        Evaluation invalid = new Evaluation.Invalid("memory(", "memory(\n       ^ expected an argument",
                "syntax error at column 8 of 'memory(': expected an argument");
        assertFalse(printer(false).print(NODE, invalid));
        assertEquals("", out());
        assertEquals(List.of("memory(", "       ^ expected an argument"), lines(errBytes));
    }

    @Test
    void humanPrintsALocalEvaluationAtThePrintersWidth() {
        assertTrue(new ResultPrinter(out, err, false, 42).print(NODE, new Evaluation.Local("help()", width -> List.of("width " + width))));
        assertEquals(List.of("width 42"), lines(outBytes));
    }

    @Test
    void humanSeparatesAnswersWithABlankLine() {
        printer(false).separate();
        assertEquals(List.of(""), lines(outBytes));
    }

    // --- helpers

    private void assertOneSentenceAboutTheShape(String call) {
        List<String> lines = lines(errBytes);
        assertEquals(1, lines.size(), err());
        assertTrue(lines.get(0).startsWith(call + ": the node answered in a shape this shell cannot show ("), err());
        assertTrue(lines.get(0).endsWith("); --json prints it as it came."), err());
        assertFalse(err().contains("\tat "), err());
        assertEquals("", out());
    }

    @Test
    void aTraceThatSawNoCallStillSaysHowItEnded() throws Exception {
        FunctionSpec trace = FunctionTable.standard().find("trace").orElseThrow();
        JsonNode summary = Json.mapper().valueToTree(new dev.diag.protocol.result.TraceSummary("shop.Pricing.quote", 0, 0,
                "time", 1, true, List.of()));
        Call call = ExprParser.parse("trace(shop.Pricing, quote, 1).");
        assertTrue(printer(false).print(NODE, new Evaluation.Answer(call, trace, ok(summary))));
        assertEquals("0 calls shown, none dropped; ended at its time limit; 1 class restored byte for byte",
                out().strip());
    }

    /** The tree as a parser reads it back: Jackson's int and long nodes of one value are not equal. */
    private static JsonNode sameNumbers(JsonNode tree) throws Exception {
        return PLAIN.readTree(PLAIN.writeValueAsString(tree));
    }

    private ResultPrinter printer(boolean json) {
        return new ResultPrinter(out, err, json, WIDTH);
    }

    @Test
    void aProfileWhoseFlameGraphCannotBeWrittenIsStillShownAndTheFailureSaidInOneSentence(@TempDir Path dir)
            throws Exception {
        ProfileReport report = new ProfileReport("cpu", "perf_events", "samples", 30_000, 3, 3,
                List.of(new ProfileStack("java/lang/Thread.run;Crunch.work", 3)), 0, 0, List.of(), "async-profiler 4.2");
        Path nowhere = dir.resolve("no-such-dir").resolve("cpu.html");
        ResultPrinter printer = new ResultPrinter(out, err, false, WIDTH, new OutputFile(nowhere));

        boolean ok = printer.print(NODE, new Evaluation.Answer(ExprParser.parse("profile(cpu, 30)"), PROFILE,
                ok(Json.mapper().valueToTree(report))));

        assertFalse(ok);
        assertTrue(out().contains("Crunch.work"), out()); // 30 s of samples are not thrown away
        assertEquals("profile(cpu, 30): could not write its file on this host (its directory does not exist: " + nowhere
                + "); --out FILE chooses another place.\n", errBytes.toString(StandardCharsets.UTF_8));
    }

    private static Evaluation.Answer answer(String typed, CallOutcome outcome) {
        try {
            return new Evaluation.Answer(ExprParser.parse(typed), MEMORY, outcome);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static CallOutcome ok(JsonNode result) {
        return new CallOutcome(true, result, null, List.of());
    }

    private static CallOutcome failed(CallError error) {
        return new CallOutcome(false, null, error, List.of());
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private static String single(ByteArrayOutputStream bytes) {
        List<String> lines = lines(bytes);
        assertEquals(1, lines.size(), lines.toString());
        return lines.get(0);
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        assertTrue(text.endsWith(System.lineSeparator()), "unterminated output: " + text);
        return Arrays.asList(text.substring(0, text.length() - System.lineSeparator().length()).split(System.lineSeparator(), -1));
    }
}
