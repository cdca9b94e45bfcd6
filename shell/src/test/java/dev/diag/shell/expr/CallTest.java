package dev.diag.shell.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallTest {

    @Test
    void textOfACallWithAHugeArgumentIsSixtyCharactersEndingInAnEllipsis() throws Exception {
        Call call = ExprParser.parse("memory(\"" + "x".repeat(10_000_000) + "\")");
        assertEquals("memory(\"" + "x".repeat(51) + "…", call.text());
        assertEquals(10_000_000, call.jsonArgs().get(0).textValue().length()); // what is sent is whole
    }

    @Test
    void textPrintsTheCallAsErlangWould() throws Exception {
        String[][] cases = {
                {"erlang:memory(heap)", "erlang:memory(heap)"},
                {"memory", "memory()"},
                {" memory ( heap ) . ", "memory(heap)"},
                {"i(0,61,0)", "i(0, 61, 0)"},
                {"process_info(<0.61.0>, x)", "process_info(<61>, x)"},
                {"process_info(pid(0,61,0), x)", "process_info(<61>, x)"},
                {"f('Foo Bar', -3)", "f('Foo Bar', -3)"},
                {"f(Heap)", "f('Heap')"},
                {"f(\"a\\\"b\", [a, 1, \"s\"])", "f(\"a\\\"b\", [a, 1, \"s\"])"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], ExprParser.parse(c[0]).text(), c[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "erlang:memory(heap)",
            "f('Foo Bar', 'it\\'s')",
            "f(\"back\\\\slash \\\"quoted\\\"\")",
            "f([[], [<61>, -1]], \"\")",
    })
    void textReadsBackAsTheSameCall(String typed) throws Exception {
        Call call = ExprParser.parse(typed);
        assertEquals(call, ExprParser.parse(call.text()));
    }

    @Test
    void textOfAnAtomWithABackslashReadsBackAsTheSameAtom() throws Exception {
        Call call = new Call(null, "f", List.of(new Term.Atom("a\\b")));
        assertEquals(call, ExprParser.parse(call.text()));
    }

    @Test
    void textQuotesAModuleAndFunctionThatNeedQuotes() throws Exception {
        Call call = ExprParser.parse("'my mod':'f g'()");
        assertEquals(call, ExprParser.parse(call.text()));
    }

    @Test
    void jsonArgsAreTheWireFormOfEachArgument() throws Exception {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<JsonNode> expected = List.of(nodes.textNode("heap"), nodes.numberNode(3L),
                nodes.objectNode().put("pid", 61L));
        assertEquals(expected, ExprParser.parse("f(heap, 3, <61>)").jsonArgs());
    }
}
