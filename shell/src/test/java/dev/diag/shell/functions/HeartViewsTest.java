package dev.diag.shell.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.HeartCommand;
import dev.diag.shell.expr.Call;
import dev.diag.shell.expr.ExprParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** heart:get_cmd/0, set_cmd/1, clear_cmd/0, status/0: the module written as in Erlang, the name the agent's. */
class HeartViewsTest {
    private final FunctionTable table = FunctionTable.standard();

    @ParameterizedTest
    @ValueSource(strings = {"heart:get_cmd()", "heart:set_cmd(\"x\")", "heart:clear_cmd().", "heart:status()", "get_cmd()"})
    void resolvesUnderHeartToTheAgentsNameForIt(String line) throws Exception {
        Call call = ExprParser.parse(line);
        FunctionSpec spec = table.resolve(call);
        assertEquals(call.function(), spec.name());
        assertEquals(Set.of("heart"), spec.modules());
    }

    @ParameterizedTest
    @ValueSource(strings = {"erlang:get_cmd()", "c:status()"})
    void isNotAnErlangModuleFunction(String line) {
        assertThrows(UnknownFunctionException.class, () -> table.resolve(ExprParser.parse(line)));
    }

    @Test
    void setCmdTakesExactlyTheCommand() {
        UnknownFunctionException e = assertThrows(UnknownFunctionException.class,
                () -> table.resolve(ExprParser.parse("heart:set_cmd()")));
        assertEquals("there is no function heart:set_cmd/0; did you mean set_cmd/1? help(set_cmd) shows its arguments",
                e.getMessage());
    }

    @Test
    void aQuotedCommandReachesTheAgentAsTyped() throws Exception {
        Call call = ExprParser.parse("heart:set_cmd(\"exec java -Dq=\\\"a,b\\\" -jar ünï😀.jar\")");
        assertEquals("exec java -Dq=\"a,b\" -jar ünï😀.jar", call.jsonArgs().get(0).textValue());
    }

    @Test
    void rendersTheCommandsOfAllThreeCallsTheSameWay() throws Exception {
        JsonNode result = Json.mapper().valueToTree(new HeartCommand("exec java -jar orders.jar", "set_cmd"));
        for (String name : List.of("get_cmd", "set_cmd", "clear_cmd")) {
            assertEquals(List.of("exec java -jar orders.jar"), table.find(name).orElseThrow().renderer().render(new Call("heart", name, List.of()), result, 80));
        }
        assertTrue(table.find("status").isPresent());
    }
}
