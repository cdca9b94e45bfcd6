package dev.diag.agent.functions;

import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.FunctionInfo;
import dev.diag.protocol.result.FunctionList;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code functions()}: what this node answers and what each call costs it. The agent is the one
 * that knows the cost (it depends on how the function is built), so help(Fn) in the shell asks.
 */
final class FunctionsFunction extends FunctionBase {
    FunctionsFunction() {
        super(Declaration.FUNCTIONS);
    }

    @Override
    public Object call(Args args, CallContext context) {
        List<FunctionInfo> infos = new ArrayList<>();
        // from the table, as each implementation takes them (FunctionBase): listing makes no implementation
        for (Declaration d : Declaration.values()) {
            infos.add(new FunctionInfo(d.function(), d.arity().min(), d.arity().max(), d.impact().level().name(),
                    d.impact().description()));
        }
        return new FunctionList(infos);
    }
}
