package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.FunctionInfo;
import dev.diag.protocol.result.FunctionList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionListViewTest {

    @Test
    void aModulesOwnFunctionIsListedAsItIsTypedAndOneThisShellDoesNotKnowByTheNodesName() {
        FunctionList list = new FunctionList(List.of(
                new FunctionInfo("memory", 0, 1, "LOW", "reads counters"),
                new FunctionInfo("trace_stop", 0, 0, "LOW", "ends the traces"),
                new FunctionInfo("jfr_start", 0, 1, "MEDIUM", "starts a recording"),
                new FunctionInfo("from_a_newer_agent", 1, 1, "LOW", "something new")));

        List<String> lines = FunctionListView.render(list, 200);

        assertEquals(List.of("memory/0..1", "trace:stop/0", "jfr:start/0..1", "from_a_newer_agent/1"),
                lines.stream().map(line -> line.split(" +")[0]).toList(), lines::toString);
    }
}
