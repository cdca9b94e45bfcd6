package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;
import dev.diag.agent.code.LoadedClasses;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.ClassWhich;
import dev.diag.protocol.result.LoadedCopy;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code code:which(Class)}: where a class comes from. For each loaded copy (one per defining
 * loader): the loader, its origin (module or code source), the class file l(Class) would read now,
 * and the versions diag keeps for rollback; for a class not loaded, the file the node's class path
 * would load it from. {@code code:is_loaded(Class)} answers the same record ({@link IsLoaded}).
 */
final class Which extends FunctionBase {
    private final CodeLoader code;

    Which(CodeLoader code) {
        super(Declaration.WHICH);
        this.code = code;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        return describe(code, single(args));
    }

    static String single(Args args) throws FunctionException {
        List<String> names = ClassArgs.names(args, 0);
        if (names.size() != 1) {
            throw FunctionException.badArgument(args.function() + " takes one class, not a list");
        }
        return names.get(0);
    }

    static ClassWhich describe(CodeLoader code, String className) throws FunctionException {
        ClassArgs.requireInstrumentation(code);
        List<LoadedCopy> copies = new ArrayList<>();
        String path = className.replace('.', '/') + ".class";
        for (Class<?> copy : code.loaded().named(className)) {
            ClassLoader loader = copy.getClassLoader();
            URL resource = loader == null ? ClassLoader.getSystemResource(path) : loader.getResource(path);
            copies.add(new LoadedCopy(LoadedClasses.describe(loader), LoadedClasses.origin(copy),
                    resource == null ? null : resource.toString(), code.versionsKept(copy), code.redefinedAt(copy),
                    code.definedFrom(copy)));
        }
        URL onClassPath = copies.isEmpty() ? ClassLoader.getSystemResource(path) : null;
        return new ClassWhich(className, !copies.isEmpty(), copies, onClassPath == null ? null : onClassPath.toString());
    }
}
