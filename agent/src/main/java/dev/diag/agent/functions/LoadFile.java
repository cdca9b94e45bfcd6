package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;
import dev.diag.protocol.function.Declaration;

/**
 * {@code code:load_file(Class)} and its shorthand {@code l(Class)} (one instance each, as Erlang's
 * c:l calls code:load_file): redefines a loaded class from its class file as its loader finds it
 * now, i.e. after the file changed on disk. A list of classes loads in one step. The whole set
 * passes the preflight first, or nothing changes.
 */
final class LoadFile extends FunctionBase {
    private final CodeLoader code;

    /** {@code declaration} is LOAD_FILE or L: two names, one implementation. */
    LoadFile(Declaration declaration, CodeLoader code) {
        super(declaration);
        this.code = code;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        ClassArgs.requireInstrumentation(code);
        try {
            return code.load(CodeLoader.Input.classPath(ClassArgs.names(args, 0)));
        } catch (CodeLoader.Refused refused) {
            throw ClassArgs.refused(refused);
        }
    }
}
