package dev.diag.agent.functions;

import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.FunctionInfo;
import dev.diag.protocol.result.FunctionList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code functions()}: what this node answers and what each call costs it. The agent is the one
 * that knows the cost (it depends on how the function is built), so help(Fn) in the shell asks.
 */
final class FunctionsFunction extends FunctionBase {
    private final Supplier<List<DiagFunction>> functions;

    FunctionsFunction(Supplier<List<DiagFunction>> functions) {
        super(Declaration.FUNCTIONS);
        this.functions = functions;
    }

    @Override
    public Object call(Args args, CallContext context) {
        List<FunctionInfo> infos = new ArrayList<>();
        for (DiagFunction f : functions.get()) {
            infos.add(new FunctionInfo(f.name(), f.minArity(), f.maxArity(), f.impact().level().name(),
                    f.impact().description()));
        }
        return new FunctionList(infos);
    }
}
