package dev.diag.shell.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Echo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/** A parsed call: {@code erlang:memory(heap)} is module "erlang", function "memory", one atom. */
public record Call(String module, String function, List<Term> args) {

    // Loops, not streams: a one-shot call sends its first request with no call site linked on the way.
    public List<JsonNode> jsonArgs() {
        List<JsonNode> json = new ArrayList<>(args.size());
        for (Term arg : args) {
            json.add(arg.toJson());
        }
        return Collections.unmodifiableList(json);
    }

    /**
     * The call as Erlang would print it, e.g. {@code memory(heap)}, to name it in answers and
     * errors: at most {@link Echo#MAX_CHARS} characters ({@code code:load_binary("yv66vgAAAD…}),
     * as a megabyte argument is not to be echoed back.
     */
    public String text() {
        return Echo.of((module == null ? "" : Term.Atom.quoted(module) + ":") + Term.Atom.quoted(function)
                + "(" + argsText() + ")");
    }

    private String argsText() {
        StringJoiner text = new StringJoiner(", ");
        for (Term arg : args) {
            text.add(arg.text());
        }
        return text.toString();
    }
}
