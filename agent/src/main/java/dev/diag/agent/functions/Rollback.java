package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;
import dev.diag.protocol.function.Declaration;

/**
 * {@code code:rollback(Class)}: restores the version a class ran before diag last redefined it
 * (a list of classes restores in one step). The restored set goes through the same preflight, so
 * rolling back a class that newer code still needs is refused with the reason.
 */
final class Rollback extends FunctionBase {
    private final CodeLoader code;

    Rollback(CodeLoader code) {
        super(Declaration.ROLLBACK);
        this.code = code;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        ClassArgs.requireInstrumentation(code);
        try {
            return code.rollback(ClassArgs.names(args, 0));
        } catch (CodeLoader.Refused refused) {
            throw ClassArgs.refused(refused);
        }
    }
}
