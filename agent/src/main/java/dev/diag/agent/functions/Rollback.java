package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;

/**
 * {@code code:rollback(Class)}: restores the version a class ran before diag last redefined it
 * (a list of classes restores in one step). The restored set goes through the same preflight, so
 * rolling back a class that newer code still needs is refused with the reason.
 */
final class Rollback extends FunctionBase {
    private final CodeLoader code;

    Rollback(CodeLoader code) {
        super("rollback", 1, 1,
                Impact.high("changes the node's code back: checks the set, then one redefinition pause (about a "
                        + "millisecond for a few classes)"));
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
