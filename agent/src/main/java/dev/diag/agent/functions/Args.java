package dev.diag.agent.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Echo;
import dev.diag.protocol.message.JsonTree;
import dev.diag.protocol.result.Atoms;
import java.util.List;
import java.util.Optional;

/** A call's arguments as sent: atoms and strings are JSON strings, integers JSON numbers. */
public record Args(String function, List<JsonNode> values) {

    public int count() {
        return values.size();
    }

    /**
     * The i-th argument as one of a closed set of atoms ({@code heap}, {@code backtrace}, ...);
     * anything else is a bad argument that lists the atoms, e.g. "unknown item 'x'; use one of ...".
     */
    public <E extends Enum<E>> E oneOf(int i, Class<E> type, String what) throws FunctionException {
        String atom = atom(i);
        Optional<E> constant = Atoms.parse(type, atom);
        if (constant.isEmpty()) { // not orElseThrow(lambda): a lambda is linked on first use, on every function's first call
            throw FunctionException.badArgument("unknown " + what + " '" + Echo.of(atom) + "'; use one of "
                    + Atoms.list(type));
        }
        return constant.get();
    }

    /** The i-th argument as an atom (a bare word such as {@code heap}). */
    public String atom(int i) throws FunctionException {
        JsonNode value = values.get(i);
        if (!value.isTextual()) {
            throw FunctionException.badArgument("argument " + (i + 1) + " must be an atom, got " + Echo.of(JsonTree.text(value)));
        }
        return value.textValue();
    }

    /**
     * The i-th argument as an integer from {@code min} to {@code max}; anything else is a bad argument
     * saying {@code rule} (e.g. "groups(N) shows the N biggest groups, 1 to 1000") and what was given.
     */
    public int integer(int i, int min, int max, String rule) throws FunctionException {
        JsonNode value = values.get(i);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw FunctionException.badArgument(rule + ", got " + Echo.of(JsonTree.text(value)));
        }
        return value.intValue();
    }

    /**
     * The i-th argument as text, written as an atom or a string ({@code VM.flags} or {@code "VM.flags"}),
     * at most {@code maxChars} long; anything else is a bad argument saying it is {@code what}.
     */
    public String text(int i, String what, int maxChars) throws FunctionException {
        JsonNode value = values.get(i);
        if (!value.isTextual() || value.textValue().length() > maxChars) {
            throw FunctionException.badArgument("argument " + (i + 1) + " is " + what + " (an atom or a string of at "
                    + "most " + maxChars + " characters), got " + Echo.of(JsonTree.text(value)));
        }
        return value.textValue();
    }
}
