package dev.diag.agent.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A call's arguments as sent: atoms and strings are JSON strings, integers JSON numbers. */
public record Args(String function, List<JsonNode> values) {

    public int count() {
        return values.size();
    }

    /** The i-th argument as an atom (a bare word such as {@code heap}). */
    public String atom(int i) throws FunctionException {
        JsonNode value = values.get(i);
        if (!value.isTextual()) {
            throw FunctionException.badArgument("argument " + (i + 1) + " must be an atom, got " + value);
        }
        return value.textValue();
    }
}
