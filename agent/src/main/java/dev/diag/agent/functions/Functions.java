package dev.diag.agent.functions;

import dev.diag.agent.heart.Heart;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.node.NodeRegistry;
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

    /** The functions, with the probes reading JDK internals through {@code internals}; nodes() reads $DIAG_HOME's registry. */
    public static Functions all(JdkInternals internals) {
        return all(internals, new NodeRegistry(DiagHome.fromEnvironment().nodes()));
    }

    /** The functions, nodes() answering from {@code registry}: the one the node registered in. */
    public static Functions all(JdkInternals internals, NodeRegistry registry) {
        return all(internals, registry, Heart.off());
    }

    /** The functions, the heart ones (heart:get_cmd() ...) answering for {@code heart}. */
    public static Functions all(JdkInternals internals, NodeRegistry registry, Heart heart) {
        return new Functions(internals, registry, heart);
    }

    private Functions(JdkInternals internals, NodeRegistry registry, Heart heart) {
        this(List.of(
                new Memory(),
                new SystemInfo(internals),
                new Statistics(),
                new Regs(internals),
                new Processes(internals),
                new I(internals),
                new ProcessInfoFunction(internals),
                new Backtraces(internals),
                new Groups(internals),
                new DeadlocksFunction(),
                new HeapHistogramFunction(),
                new GarbageCollectFunction(),
                new HeapDump(),
                new ProcCountFunction(internals),
                new ProcWindowFunction(internals),
                new Top(internals),
                new Nodes(registry),
                new HeartGetCmd(heart),
                new HeartSetCmd(heart),
                new HeartClearCmd(heart),
                new HeartStatusFunction(heart)));
        for (DiagFunction code : CodeFunctions.all(internals)) {
            byName.put(code.name(), code);
        }
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
