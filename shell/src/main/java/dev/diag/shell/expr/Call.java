package dev.diag.shell.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A parsed call: {@code erlang:memory(heap)} is module "erlang", function "memory", one atom. */
public record Call(String module, String function, List<Term> args) {

    public List<JsonNode> jsonArgs() {
        return args.stream().map(Term::toJson).toList();
    }

    /** The call as Erlang would print it, e.g. {@code memory(heap)}. */
    public String text() {
        return (module == null ? "" : Term.Atom.quoted(module) + ":") + Term.Atom.quoted(function)
                + "(" + String.join(", ", args.stream().map(Term::text).toList()) + ")";
    }
}
