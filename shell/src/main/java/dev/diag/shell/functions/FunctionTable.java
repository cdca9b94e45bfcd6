package dev.diag.shell.functions;

import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.function.EditDistance;
import dev.diag.protocol.function.UniqueNames;
import dev.diag.shell.expr.Call;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every function the shell can call on a node: each declaration of the protocol's table with the
 * view this shell shows it in. Resolves what the user typed, with its Erlang module prefix, to the
 * name the agent answers.
 *
 * <p>A function's spec, and so its view, is made when the function is first looked up: a one-shot
 * {@code diag --cmd memory} makes memory's alone, not the forty others' views with their classes,
 * lambdas and formatters (about a sixth of that call's start-up). Each table makes its own
 * (streamed views keep state per session).
 */
public final class FunctionTable {
    private final Map<String, Declaration> byName;
    private final Map<String, FunctionSpec> made = new ConcurrentHashMap<>();

    private FunctionTable(Map<String, Declaration> byName) {
        this.byName = byName;
    }

    public static FunctionTable standard() {
        return new FunctionTable(UniqueNames.index(Arrays.asList(Declaration.values()), BY_FUNCTION,
                "the shell's function table"));
    }

    /**
     * A class, not {@code Declaration::function}: a one-shot call then links no call site before it
     * connects (each costs it about half a millisecond, interpreted, the first one much more), and
     * {@code OneShotWarmup} sets up the lambda machinery meanwhile on its own thread.
     */
    private static final Function<Declaration, String> BY_FUNCTION = new Function<>() {
        @Override
        public String apply(Declaration declaration) {
            return declaration.function();
        }
    };

    /** Every function's spec, in the declared order (all views made). */
    public List<FunctionSpec> all() {
        return byName.keySet().stream().map(this::spec).toList();
    }

    public Optional<FunctionSpec> find(String name) {
        return byName.containsKey(name) ? Optional.of(spec(name)) : Optional.empty();
    }

    /** The spec of a declared {@code name}, made once per table; null for a name not declared. */
    private FunctionSpec spec(String name) {
        Declaration declaration = byName.get(name);
        if (declaration == null) {
            return null;
        }
        FunctionSpec spec = made.get(name); // not computeIfAbsent: no call site to link (see BY_FUNCTION)
        if (spec == null) {
            FunctionSpec mine = new FunctionSpec(declaration, FunctionViews.view(declaration));
            spec = made.putIfAbsent(name, mine);
            return spec == null ? mine : spec; // of two threads, both use the first one's
        }
        return spec;
    }

    /** The spec a call means, or a sentence saying why it means none. */
    public FunctionSpec resolve(Call call) throws UnknownFunctionException {
        FunctionSpec spec = qualified(call);
        String written = (call.module() == null ? "" : call.module() + ":") + call.function() + "/" + call.args().size();
        if (spec == null || (call.module() != null && !spec.modules().contains(call.module()))) {
            throw new UnknownFunctionException("there is no function " + written + suggestion(call.function()));
        }
        if (!spec.acceptsArity(call.args().size())) {
            throw new UnknownFunctionException("there is no function " + written + "; did you mean "
                    + spec.signature() + "? help(" + spec.name() + ") shows its arguments");
        }
        return spec;
    }

    /**
     * A module's own function whose bare name another function has: {@code trace:stop()} is
     * trace_stop on the wire, while {@code stop()} stops the node. Else the function by its name.
     */
    private FunctionSpec qualified(Call call) {
        FunctionSpec own = call.module() == null ? null : spec(call.module() + "_" + call.function());
        return own != null && own.modules().contains(call.module()) ? own : spec(call.function());
    }

    private String suggestion(String typed) {
        List<String> near = EditDistance.nearest(byName.keySet(), typed, 3);
        return near.isEmpty() ? "; help() lists them all" : "; did you mean " + String.join(" or ", near) + "?";
    }
}
