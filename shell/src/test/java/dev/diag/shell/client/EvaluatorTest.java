package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.result.FunctionInfo;
import dev.diag.protocol.result.FunctionList;
import dev.diag.protocol.result.JcmdCommands;
import dev.diag.protocol.result.JcmdOutput;
import dev.diag.protocol.result.MemoryAmount;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import dev.diag.shell.client.Evaluator.Evaluation;
import dev.diag.shell.functions.FunctionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One line in, one evaluation out, against a scripted node on loopback: no JVM forked. */
@Timeout(20)
class EvaluatorTest {
    private static final FunctionTable TABLE = FunctionTable.standard();
    private static final FunctionList ONLY_MEMORY = new FunctionList(List.of(
            new FunctionInfo("memory", 0, 1, "LOW", "the node's own words"),
            new FunctionInfo("heap_dump", 1, 1, "HIGH", "a long pause")));

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void helpNeedsNoNodeAndListsEveryFunction() {
        Evaluation help = HelpAnswer.withoutNode(TABLE, "help().").orElseThrow();
        List<String> lines = assertInstanceOf(Evaluation.Local.class, help).render().apply(200);
        TABLE.all().forEach(spec -> assertTrue(lines.stream().anyMatch(l -> l.startsWith(spec.signature())),
                spec.signature()));
        assertTrue(HelpAnswer.withoutNode(TABLE, "memory()").isEmpty());
    }

    @Test
    void helpFnWithoutANodeShowsTheDeclaredCost() {
        List<String> lines = render(HelpAnswer.withoutNode(TABLE, "help(garbage_collect)").orElseThrow());
        assertTrue(lines.stream().anyMatch(l -> l.contains("cost: HIGH: a stop-the-world full GC")), lines.toString());
    }

    @Test
    void helpSaysWhichFunctionsTheConnectedNodeLacks() throws Exception {
        Evaluator evaluator = evaluator(request -> reply(request, ONLY_MEMORY), 5_000);
        String text = String.join(" ", render(evaluator.evaluate("help()", null, null)));
        assertTrue(text.contains("This node lacks why/0, regs/0,"), text);
        assertFalse(text.contains("lacks memory"), text);
        List<String> regs = render(evaluator.evaluate("help(regs)", null, null));
        assertTrue(regs.contains("  not on this node: its agent is older than this shell"), regs.toString());
    }

    @Test
    void helpFnShowsTheNodesOwnStatementOfTheCost() throws Exception {
        Evaluator evaluator = evaluator(request -> reply(request, ONLY_MEMORY), 5_000);
        List<String> lines = render(evaluator.evaluate("help(memory)", null, null));
        assertTrue(lines.contains("  cost: LOW: the node's own words"), lines.toString());
    }

    @Test
    void anUnknownFunctionIsInvalidAndNeverReachesTheNode() throws Exception {
        ScriptedNode node = node(request -> reply(request, ONLY_MEMORY));
        Evaluator evaluator = new Evaluator(TABLE, client(node, 5_000), 5_000);
        Evaluation typo = evaluator.evaluate("memroy().", null, null);
        assertTrue(assertInstanceOf(Evaluation.Invalid.class, typo).sentence().contains("did you mean memory?"));
        assertEquals(List.of(), node.asked());
    }

    @Test
    void aHighImpactCallIsAskedAboutAndNotSentWhenRefused() throws Exception {
        ScriptedNode node = node(request -> reply(request, ONLY_MEMORY));
        Evaluator evaluator = new Evaluator(TABLE, client(node, 5_000), 5_000);
        List<String> asked = new ArrayList<>();
        Evaluation refused = evaluator.evaluate("heap_dump(\"/tmp/x.hprof\")", null, (call, impact) -> {
            asked.add(impact);
            return false;
        });
        assertEquals(List.of("a long pause"), asked);
        assertEquals(List.of("Not run: nothing was sent to the node."), render(refused));
        assertEquals(List.of("functions"), node.asked());
    }

    @Test
    void jcmdIsAskedAboutOnlyForACommandTheJvmCallsHigh() throws Exception {
        FunctionList withJcmd = new FunctionList(List.of(new FunctionInfo("jcmd", 0, 2, "MEDIUM", "the command's own")));
        JcmdCommands commands = new JcmdCommands(List.of(
                new JcmdCommands.Command("VM.flags", "LOW", "Low", "Print VM flag options.", null),
                new JcmdCommands.Command("GC.class_histogram", "HIGH", "High: Depends on Java heap size and content.",
                        "Provide statistics about the Java heap usage.", null)));
        ScriptedNode node = node(request -> request.fn().equals("functions") ? reply(request, withJcmd)
                : request.args().isEmpty() ? reply(request, commands)
                : reply(request, new JcmdOutput("VM.flags", "", "LOW", "-XX:+UseG1GC", 0)));
        Evaluator evaluator = new Evaluator(TABLE, client(node, 5_000), 5_000);
        List<String> asked = new ArrayList<>();
        Evaluator.Confirmation refuse = (call, impact) -> {
            asked.add(impact);
            return false;
        };

        assertInstanceOf(Evaluation.Answer.class, evaluator.evaluate("jcmd(\"VM.flags\")", null, refuse));
        Evaluation histogram = evaluator.evaluate("jcmd(\"GC.class_histogram\")", null, refuse);

        assertEquals(List.of("High: Depends on Java heap size and content"), asked);
        assertEquals(List.of("Not run: nothing was sent to the node."), render(histogram));
        assertEquals(List.of("functions", "jcmd", "jcmd"), node.asked(), "the list once, VM.flags once, no histogram");
    }

    @Test
    void aWindowedCallIsWaitedForBeyondTheTimeoutByItsWindow() throws Exception {
        Function<Message.Request, List<Message>> slow = request -> {
            if (request.fn().equals("functions")) {
                return reply(request, ONLY_MEMORY);
            }
            sleep(1_200);
            return List.of(Message.Reply.failure(request.id(), new CallError("bad_argument", "answered late")));
        };
        Evaluation windowed = evaluator(slow, 500).evaluate("recon:proc_window(reductions, 3, 1000)", null, null);
        assertEquals("answered late", assertInstanceOf(Evaluation.Answer.class, windowed).outcome().error().message());
        DiagException timedOut = assertThrows(DiagException.class,
                () -> evaluator(slow, 500).evaluate("recon:proc_count(reductions, 3)", null, null));
        assertEquals(ExitCode.UNREACHABLE, timedOut.exit());
    }

    @Test
    void checkRefusesHelpOfAnUnknownFunctionAsBadUsageInOneSentence() {
        DiagException refused = assertThrows(DiagException.class, () -> Evaluator.check(TABLE, "help(nosuch)"));
        assertEquals(ExitCode.USAGE, refused.exit());
        assertEquals("no function named nosuch; help() lists them all.", refused.getMessage());
        DiagException typo = assertThrows(DiagException.class, () -> Evaluator.check(TABLE, "memroy"));
        assertTrue(typo.getMessage().endsWith("did you mean memory?"), typo.getMessage());
    }

    @Test
    void theAnswerKeepsTheResultAsData() throws Exception {
        Evaluator evaluator = evaluator(request -> reply(request, new MemoryAmount("heap", 42)), 5_000);
        Evaluation answer = evaluator.evaluate("erlang:memory(heap)", null, null);
        CallOutcome outcome = assertInstanceOf(Evaluation.Answer.class, answer).outcome();
        assertEquals(42, outcome.result().path("bytes").asLong());
    }

    private Evaluator evaluator(Function<Message.Request, List<Message>> script, int timeoutMillis) throws Exception {
        return new Evaluator(TABLE, client(node(script), timeoutMillis), timeoutMillis);
    }

    private ScriptedNode node(Function<Message.Request, List<Message>> script) throws Exception {
        ScriptedNode node = new ScriptedNode(script);
        open.add(node);
        return node;
    }

    private DiagClient client(ScriptedNode node, int timeoutMillis) throws Exception {
        DiagClient client = node.connect(timeoutMillis);
        open.add(client);
        return client;
    }

    private static List<Message> reply(Message.Request request, Object result) {
        return List.of(Message.Reply.success(request.id(), result));
    }

    private static List<String> render(Evaluation evaluation) {
        return assertInstanceOf(Evaluation.Local.class, evaluation).render().apply(200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
