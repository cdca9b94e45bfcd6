package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;
import dev.diag.protocol.function.Declaration;

/**
 * {@code code:is_loaded(Class)}: whether the class is loaded, and by which loaders; the same record
 * as code:which, which the shell shows shorter.
 */
final class IsLoaded extends FunctionBase {
    private final CodeLoader code;

    IsLoaded(CodeLoader code) {
        super(Declaration.IS_LOADED);
        this.code = code;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        return Which.describe(code, Which.single(args));
    }
}
