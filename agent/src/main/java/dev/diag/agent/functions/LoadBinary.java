package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;

/**
 * {@code code:load_binary(Files)}: redefines the loaded classes the sent class files name, in one
 * step, after the whole set passed the preflight. Called by {@code bin/diag load}, which reads the
 * files and sends them base64-encoded in one request (so the set must fit the frame cap, 16 MiB by
 * default, as base64).
 */
final class LoadBinary extends FunctionBase {
    private final CodeLoader code;

    LoadBinary(CodeLoader code) {
        super("load_binary", 1, 1,
                Impact.high("changes the node's code: checks the set, then one pause to keep the running versions and "
                        + "one to redefine (about a millisecond each for a few classes); compiled code that depended on the "
                        + "classes is thrown away and compiled again"));
        this.code = code;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        ClassArgs.requireInstrumentation(code);
        try {
            return code.load(CodeLoader.Input.sent(ClassArgs.files(args, 0)));
        } catch (CodeLoader.Refused refused) {
            throw ClassArgs.refused(refused);
        }
    }
}
