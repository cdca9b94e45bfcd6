package dev.diag.shell.functions;

import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.function.EditDistance;
import dev.diag.protocol.function.UniqueNames;
import dev.diag.shell.expr.Call;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every function the shell can call on a node: each declaration of the protocol's table with the
 * view this shell shows it in. Resolves what the user typed, with its Erlang module prefix, to the
 * name the agent answers.
 */
public final class FunctionTable {
    private final Map<String, FunctionSpec> byName;

    private FunctionTable(List<FunctionSpec> specs) {
        byName = UniqueNames.index(specs, FunctionSpec::name, "the shell's function table");
    }

    public static FunctionTable standard() {
        return new FunctionTable(Arrays.stream(Declaration.values())
                .map(declaration -> new FunctionSpec(declaration, FunctionViews.view(declaration)))
                .toList());
    }

    public List<FunctionSpec> all() {
        return List.copyOf(byName.values());
    }

    public Optional<FunctionSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The spec a call means, or a sentence saying why it means none. */
    public FunctionSpec resolve(Call call) throws UnknownFunctionException {
        // jfr:stop() is its own function, named so on the wire: a module's function whose bare name another has
        String qualified = call.module() == null ? null : call.module() + ":" + call.function();
        FunctionSpec spec = qualified != null && byName.containsKey(qualified) ? byName.get(qualified) : byName.get(call.function());
        String written = (call.module() == null ? "" : call.module() + ":") + call.function() + "/" + call.args().size();
        if (spec == null || (call.module() != null && !spec.name().equals(qualified)
                && !spec.modules().contains(call.module()))) {
            throw new UnknownFunctionException("there is no function " + written + suggestion(call.function()));
        }
        if (!spec.acceptsArity(call.args().size())) {
            throw new UnknownFunctionException("there is no function " + written + "; did you mean "
                    + spec.signature() + "? help(" + spec.name() + ") shows its arguments");
        }
        return spec;
    }

    private String suggestion(String typed) {
        List<String> near = EditDistance.nearest(byName.keySet(), typed, 3);
        return near.isEmpty() ? "; help() lists them all" : "; did you mean " + String.join(" or ", near) + "?";
    }
}
