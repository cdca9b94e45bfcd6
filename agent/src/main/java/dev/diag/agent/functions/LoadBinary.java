package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;
import dev.diag.protocol.function.Declaration;

/**
 * {@code code:load_binary(Files)}: redefines the loaded classes the sent class files name, in one
 * step, after the whole set passed the preflight. Called by {@code bin/diag load}, which reads the
 * files and sends them base64-encoded in one request (so the set must fit the frame cap, 16 MiB by
 * default, as base64).
 */
final class LoadBinary extends FunctionBase {
    private final CodeLoader code;

    LoadBinary(CodeLoader code) {
        super(Declaration.LOAD_BINARY);
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
