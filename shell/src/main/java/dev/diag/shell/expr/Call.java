package dev.diag.shell.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Echo;
import java.util.List;

/** A parsed call: {@code erlang:memory(heap)} is module "erlang", function "memory", one atom. */
public record Call(String module, String function, List<Term> args) {

    public List<JsonNode> jsonArgs() {
        return args.stream().map(Term::toJson).toList();
    }

    /**
     * The call as Erlang would print it, e.g. {@code memory(heap)}, to name it in answers and
     * errors: at most {@link Echo#MAX_CHARS} characters ({@code code:load_binary("yv66vgAAAD…}),
     * as a megabyte argument is not to be echoed back.
     */
    public String text() {
        return Echo.of((module == null ? "" : Term.Atom.quoted(module) + ":") + Term.Atom.quoted(function)
                + "(" + String.join(", ", args.stream().map(Term::text).toList()) + ")");
    }
}
