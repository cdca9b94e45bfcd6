package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every function the agent answers, in one declarative list; the shell's table must match it. */
public final class Functions {
    private final Map<String, DiagFunction> byName = new LinkedHashMap<>();

    private Functions(List<DiagFunction> functions) {
        for (DiagFunction function : functions) {
            byName.put(function.name(), function);
        }
    }

    /** The functions, without access to JDK internals (tests, and agents started from code). */
    public static Functions all() {
        return all(JdkInternals.withoutInstrumentation());
    }

    /** The functions, with the probes reading JDK internals through {@code internals}. */
    public static Functions all(JdkInternals internals) {
        return new Functions(internals);
    }

    private Functions(JdkInternals internals) {
        this(List.of(
                new Memory(),
                new SystemInfo(),
                new Statistics(),
                new Regs(internals),
                new Processes(),
                new I(internals),
                new ProcessInfoFunction(internals),
                new Backtraces(internals)));
        FunctionsFunction self = new FunctionsFunction(this::list);
        byName.put(self.name(), self);
    }

    public DiagFunction find(String name) {
        return byName.get(name);
    }

    public List<DiagFunction> list() {
        return List.copyOf(byName.values());
    }
}
