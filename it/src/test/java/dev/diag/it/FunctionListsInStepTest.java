package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.agent.functions.DiagFunction;
import dev.diag.agent.functions.Functions;
import dev.diag.shell.functions.FunctionSpec;
import dev.diag.shell.functions.FunctionTable;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The agent's function list and the shell's table name the same functions with the same arities,
 * so no function exists on one side only (a call the shell cannot make, or one it makes in vain).
 */
class FunctionListsInStepTest {

    @Test
    void agentAndShellKnowTheSameFunctionsWithTheSameArities() {
        Map<String, String> agent = new TreeMap<>();
        for (DiagFunction function : Functions.all().list()) {
            agent.put(function.name(), function.minArity() + ".." + function.maxArity());
        }
        Map<String, String> shell = new TreeMap<>();
        for (FunctionSpec spec : FunctionTable.standard().all()) {
            shell.put(spec.name(), spec.minArity() + ".." + spec.maxArity());
        }
        assertEquals(agent, shell);
    }
}
