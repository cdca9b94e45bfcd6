package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;

/**
 * {@code code:load_file(Class)} and its shorthand {@code l(Class)} (one instance each, as Erlang's
 * c:l calls code:load_file): redefines a loaded class from its class file as its loader finds it
 * now, i.e. after the file changed on disk. A list of classes loads in one step. The whole set
 * passes the preflight first, or nothing changes.
 */
final class LoadFile extends FunctionBase {
    private final CodeLoader code;

    LoadFile(String name, CodeLoader code) {
        super(name, 1, 1,
                Impact.high("changes the node's code: reads the class files, checks the set, then one pause to keep "
                        + "the running versions and one to redefine (about a millisecond each for a few classes); compiled "
                        + "code that depended on the classes is thrown away and compiled again"));
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
