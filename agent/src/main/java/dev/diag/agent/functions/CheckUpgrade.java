package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;
import dev.diag.protocol.function.Declaration;

/**
 * {@code code:check_upgrade(Classes)}: the preflight of an upgrade set alone, changing nothing.
 * Classes by name are checked with their class files as their loaders find them now (what
 * l(Class) would load); {@code bin/diag load --check} sends class files instead. The answer lists
 * every problem per class; a load of the same set is refused exactly when it lists one.
 */
final class CheckUpgrade extends FunctionBase {
    private final CodeLoader code;

    CheckUpgrade(CodeLoader code) {
        super(Declaration.CHECK_UPGRADE);
        this.code = code;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        ClassArgs.requireInstrumentation(code);
        boolean files = args.values().get(0).isArray() && !args.values().get(0).isEmpty()
                && args.values().get(0).get(0).isObject();
        return code.check(files ? CodeLoader.Input.sent(ClassArgs.files(args, 0))
                : CodeLoader.Input.classPath(ClassArgs.names(args, 0)));
    }
}
