package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;
import dev.diag.agent.code.LoadedClasses;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.LoadedClassRow;
import dev.diag.protocol.result.LoadedSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code code:all_loaded()}: every loaded class by name, with its loader and origin, streamed
 * {@value #CHUNK} rows at a time so the console pages it; {@code code:all_loaded(Prefix)} only the
 * classes whose names start with Prefix ({@code 'com.example'}). Hidden classes (lambdas' and
 * the like) and arrays are left out.
 */
final class AllLoaded extends FunctionBase {
    static final int CHUNK = 500;

    private final CodeLoader code;

    AllLoaded(CodeLoader code) {
        super(Declaration.ALL_LOADED);
        this.code = code;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        ClassArgs.requireInstrumentation(code);
        String prefix = args.count() == 0 ? null : ClassArgs.names(args, 0).get(0);
        LoadedClasses loaded = code.loaded();
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> type : loaded.all()) {
            if (prefix == null || type.getName().startsWith(prefix)) {
                classes.add(type);
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        int sent = 0;
        for (int from = 0; from < classes.size() && !context.cancelled(); from += CHUNK) {
            List<LoadedClassRow> rows = new ArrayList<>(CHUNK);
            for (Class<?> type : classes.subList(from, Math.min(classes.size(), from + CHUNK))) {
                rows.add(new LoadedClassRow(type.getName(), LoadedClasses.describe(type.getClassLoader()),
                        LoadedClasses.origin(type), code.redefinedAt(type) != null));
            }
            context.emit(rows);
            sent += rows.size();
        }
        return new LoadedSummary(sent, loaded.count(), prefix);
    }
}
