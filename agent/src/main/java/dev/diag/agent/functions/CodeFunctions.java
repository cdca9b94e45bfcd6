package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;
import dev.diag.agent.probe.JdkInternals;
import java.util.List;

/** The live code loading functions (issue 7), sharing one {@link CodeLoader}: one lock, one version history per agent. */
final class CodeFunctions {
    private CodeFunctions() {
    }

    static List<DiagFunction> all(JdkInternals internals) {
        CodeLoader code = new CodeLoader(internals.instrumentation());
        return List.of(
                new LoadFile("load_file", code),
                new LoadFile("l", code),
                new LoadBinary(code),
                new CheckUpgrade(code),
                new Rollback(code),
                new CheckProcessCode(code),
                new Which(code),
                new IsLoaded(code),
                new AllLoaded(code));
    }
}
