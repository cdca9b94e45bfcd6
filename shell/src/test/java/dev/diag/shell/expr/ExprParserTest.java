package dev.diag.shell.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExprParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"memory", "memory()", "memory().", "memory.", "  memory ( ) .  "})
    void readsACallWithoutArgumentsWrittenAnyWayErlangAccepts(String line) throws Exception {
        assertEquals(new Call(null, "memory", List.of()), ExprParser.parse(line));
    }

    @Test
    void readsTuplesAsRecon_traceWritesThem() throws Exception {
        Call call = ExprParser.parse("trace({com.example.Pricing, quote, 2}, {5, 1000}, [{time, 30}]).");
        assertEquals(List.of(new Term.Tuple(List.of(new Term.Atom("com.example.Pricing"), new Term.Atom("quote"),
                new Term.Int(2))), new Term.Tuple(List.of(new Term.Int(5), new Term.Int(1000))),
                new Term.ListOf(List.of(new Term.Tuple(List.of(new Term.Atom("time"), new Term.Int(30)))))), call.args());
        assertEquals("[\"com.example.Pricing\",\"quote\",2]", call.args().get(0).toJson().toString());
        assertEquals("{'com.example.Pricing', quote, 2}", call.args().get(0).text());
    }

    @Test
    void readsAModulePrefixAndAnAtomArgument() throws Exception {
        assertEquals(new Call("erlang", "memory", List.of(new Term.Atom("heap"))), ExprParser.parse("erlang:memory(heap)."));
    }

    @Test
    void allowsSpacesBetweenEveryToken() throws Exception {
        assertEquals(new Call(null, "memory", List.of(new Term.Atom("heap"))), ExprParser.parse(" memory ( heap ) . "));
        assertEquals(new Call("erlang", "memory", List.of(new Term.Atom("heap"))),
                ExprParser.parse("erlang : memory ( heap )"));
    }

    @Test
    void readsQuotedAtomsWithSpacesAndUppercase() throws Exception {
        assertEquals(List.of(new Term.Atom("Foo Bar")), ExprParser.parse("f('Foo Bar')").args());
        assertEquals(new Call(null, "memory", List.of()), ExprParser.parse("'memory'()"));
    }

    @Test
    void readsAtomsWithDigitsUnderscoresAndAt() throws Exception {
        assertEquals(List.of(new Term.Atom("non_heap"), new Term.Atom("orders@db1")),
                ExprParser.parse("f(non_heap, orders@db1)").args());
    }

    @Test
    void readsAJavaClassNameAsOneAtomWithoutQuotes() throws Exception {
        assertEquals(new Call("c", "l", List.of(new Term.Atom("com.example.Pricing$Rules"))),
                ExprParser.parse("c:l(com.example.Pricing$Rules)."));
        assertEquals(List.of(new Term.ListOf(List.of(new Term.Atom("a.B"), new Term.Atom("a.B$1")))),
                ExprParser.parse("check_process_code([a.B, a.B$1])").args());
        assertEquals("'com.example.Pricing'", ExprParser.parse("l(com.example.Pricing)").args().get(0).text());
    }

    @Test
    void aQuotedModuleHoldingANewlineIsEchoedOnOneLine() {
        // found by ExprParserFuzzTest: the module was quoted into the sentence as typed
        ParseException e = error("'a\\nb':[");
        assertEquals("expected a function name after 'a?b:'", e.getMessage());
    }

    @Test
    void endsAClassNameAtADotThatNoNameFollows() {
        ParseException e = error("l(com.example.)");
        assertEquals(13, e.column());
        assertEquals("expected ',' or ')'", e.getMessage());
    }

    @Test
    void readsStringsWithEscapedQuotesBackslashesNewlinesAndTabs() throws Exception {
        assertEquals(List.of(new Term.Str("say \"hi\"\\\n\t")), ExprParser.parse("f(\"say \\\"hi\\\"\\\\\\n\\t\")").args());
    }

    @Test
    void readsAnEmptyString() throws Exception {
        assertEquals(List.of(new Term.Str("")), ExprParser.parse("f(\"\")").args());
    }

    @Test
    void readsPositiveZeroAndNegativeIntegers() throws Exception {
        assertEquals(List.of(new Term.Int(42), new Term.Int(0), new Term.Int(-7)), ExprParser.parse("f(42, 0, -7)").args());
    }

    @Test
    void readsListsOfMixedTermsNestedListsAndEmptyLists() throws Exception {
        assertEquals(List.of(new Term.ListOf(List.of(new Term.Atom("a"), new Term.Int(1), new Term.Str("s")))),
                ExprParser.parse("f([a, 1, \"s\"])").args());
        assertEquals(List.of(new Term.ListOf(List.of(new Term.ListOf(List.of()), new Term.Pid(61)))),
                ExprParser.parse("f([[], <61>])").args());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<61>", "<0.61.0>", "pid(0,61,0)", "pid( 0 , 61 , 0 )"})
    void readsEveryPidNotationAsTheThreadInTheMiddle(String pid) throws Exception {
        assertEquals(List.of(new Term.Pid(61), new Term.Atom("backtrace")),
                ExprParser.parse("process_info(" + pid + ", backtrace)").args());
    }

    @Test
    void keepsTheThreeIntegersOfICallAsIntegers() throws Exception {
        assertEquals(new Call(null, "i", List.of(new Term.Int(0), new Term.Int(61), new Term.Int(0))),
                ExprParser.parse("i(0,61,0)"));
    }

    @Test
    void readsAnAtomNamedPidThatIsNotCalledAsAnAtom() throws Exception {
        assertEquals(List.of(new Term.Atom("pid")), ExprParser.parse("f(pid)").args());
    }

    // --- errors: message and 0-based column of the stripped line

    @Test
    void asksForAnArgumentAfterAnOpenParenthesis() {
        ParseException e = error("memory(");
        assertEquals(7, e.column());
        assertEquals("expected an argument", e.getMessage());
    }

    @Test
    void asksForTheClosingParenthesisAtTheEndOfAnUnclosedCall() {
        ParseException e = error("memory(heap");
        assertEquals(11, e.column());
        assertTrue(e.getMessage().startsWith("expected ')'"), e.getMessage());
    }

    @Test
    void asksForACommaOrClosingParenthesisBetweenArguments() {
        ParseException e = error("memory(heap stacks)");
        assertEquals(12, e.column());
        assertEquals("expected ',' or ')'", e.getMessage());
    }

    @Test
    void refusesAStrayClosingParenthesis() {
        ParseException e = error("memory)");
        assertEquals(6, e.column());
        assertEquals("unexpected ')' after the call", e.getMessage());
    }

    @Test
    void refusesALineThatStartsWithAColon() {
        ParseException e = error(":memory");
        assertEquals(0, e.column());
        assertEquals("expected a function name, e.g. memory()", e.getMessage());
    }

    @Test
    void refusesAnEmptyLine() {
        ParseException e = error("   ");
        assertEquals(0, e.column());
        assertEquals("expected a function name, e.g. memory()", e.getMessage());
    }

    @Test
    void asksForAFunctionNameAfterTheModule() {
        ParseException e = error("erlang:");
        assertEquals(7, e.column());
        assertEquals("expected a function name after 'erlang:'", e.getMessage());
    }

    @Test
    void refusesTextAfterTheCall() {
        ParseException e = error("memory(heap) extra");
        assertEquals(13, e.column());
        assertEquals("unexpected 'e' after the call", e.getMessage());
    }

    @Test
    void refusesATrailingCommaInTheArguments() {
        ParseException e = error("memory(heap,)");
        assertEquals(12, e.column());
        assertEquals("unexpected ')'", e.getMessage());
    }

    @Test
    void pointsAtTheOpeningQuoteOfAnUnterminatedString() {
        ParseException e = error("f(\"abc");
        assertEquals(2, e.column());
        assertEquals("unterminated string", e.getMessage());
    }

    @Test
    void pointsAtTheOpeningQuoteOfAnUnterminatedQuotedAtom() {
        ParseException e = error("f('abc");
        assertEquals(2, e.column());
        assertEquals("unterminated quoted atom", e.getMessage());
    }

    @Test
    void asksForTheClosingBracketOfAnUnclosedList() {
        ParseException e = error("f([a, b");
        assertEquals(7, e.column());
        assertEquals("expected ']' to close the list", e.getMessage());
    }

    @Test
    void asksForTheClosingAngleOfAPid() {
        ParseException e = error("f(<61");
        assertEquals(5, e.column());
        assertEquals("expected '>' to close the pid, e.g. <61> or <0.61.0>", e.getMessage());
    }

    @Test
    void asksForAnIntegerInsideAngles() {
        ParseException e = error("f(<x>)");
        assertEquals(3, e.column());
        assertEquals("expected an integer", e.getMessage());
    }

    @Test
    void refusesAMinusSignWithoutDigits() {
        ParseException e = error("f(- 1)");
        assertEquals(2, e.column());
        assertEquals("expected an integer", e.getMessage());
    }

    @Test
    void refusesAPidCallWithTwoIntegersPointingJustAfterIt() {
        ParseException e = error("f(pid(1,2))");
        assertEquals("pid takes three integers, e.g. pid(0,61,0)", e.getMessage());
        assertEquals(10, e.column()); // just after pid(1,2)'s ')': where the call was found wanting
    }

    @Test
    void readsPidWithTwoArgumentsAtTheTopLevelAsACallToAFunctionNamedPid() throws Exception {
        // only an argument is a pid; as a whole line it is a call, refused later by the function table
        assertEquals(new Call(null, "pid", List.of(new Term.Int(1), new Term.Int(2))), ExprParser.parse("pid(1,2)"));
    }

    @Test
    void refusesAPidCallInsideArgumentsWithTheSameSentence() {
        assertEquals("pid takes three integers, e.g. pid(0,61,0)", error("f(pid(0,61))").getMessage());
        assertEquals("pid takes three integers, e.g. pid(0,61,0)", error("f(pid(0,x,0))").getMessage());
    }

    @Test
    void refusesAPidCallWhoseOuterPartsAreNotIntegers() {
        assertEquals("pid takes three integers, e.g. pid(0,61,0)", error("f(pid(a,61,\"s\"))").getMessage());
    }

    @Test
    void refusesAnUnknownEscapePointingAtItsBackslash() {
        ParseException e = error("heap_dump(\"/tmp/a\\u0000b.hprof\")");
        assertEquals(17, e.column());
        assertTrue(e.getMessage().startsWith("unknown escape '\\u'"), e.getMessage());
        assertTrue(e.getMessage().contains("\\\\ writes a backslash"), e.getMessage());
        assertEquals(4, error("f('a\\qb')").column()); // in quoted atoms too
    }

    @Test
    void readsTheEscapesItKnowsInAtomsAndStrings() throws Exception {
        assertEquals(List.of(new Term.Atom("it's\\"), new Term.Str("a\rb")),
                ExprParser.parse("f('it\\'s\\\\', \"a\\rb\")").args());
    }

    @Test
    void readsListsNestedAsDeepAsTheWireTakes() throws Exception {
        int deepest = ExprParser.MAX_NESTING;
        Call call = ExprParser.parse("f(" + "[".repeat(deepest) + "]".repeat(deepest) + ")");
        // the request it makes is one the node's decoder accepts
        Message.Request request = new Message.Request(1, call.function(), call.jsonArgs());
        assertEquals(request, MessageCodec.decode(MessageCodec.encode(request)));
    }

    @Test
    void refusesListsNestedDeeperThanTheWireTakesWithOneSentence() {
        int tooDeep = ExprParser.MAX_NESTING + 1;
        ParseException e = error("f(" + "[".repeat(tooDeep) + "]".repeat(tooDeep) + ")");
        assertEquals(2 + ExprParser.MAX_NESTING, e.column());
        assertEquals("lists nest at most 62 deep, as deep as a request may go on the wire", e.getMessage());
        // 100,000 deep is the same sentence, not a StackOverflowError
        assertEquals(e.getMessage(), error("f(" + "[".repeat(100_000) + ")").getMessage());
    }

    @Test
    void columnsCountFromTheFirstNonBlankCharacter() {
        assertEquals(7, error("    memory(").column());
    }

    private static ParseException error(String line) {
        return assertThrows(ParseException.class, () -> ExprParser.parse(line), line);
    }
}
