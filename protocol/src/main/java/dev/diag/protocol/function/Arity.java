package dev.diag.protocol.function;

/** How many arguments a function takes: {@code memory/0,1} is {@code Arity(0, 1)}. */
public record Arity(int min, int max) {
    public Arity {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("arity " + min + ".." + max);
        }
    }

    public boolean accepts(int count) {
        return count >= min && count <= max;
    }

    /** E.g. {@code 0,1} for memory: the arities as Erlang writes a function's, after the slash. */
    public String text() {
        StringBuilder arities = new StringBuilder();
        for (int a = min; a <= max; a++) {
            arities.append(a == min ? "" : ",").append(a);
        }
        return arities.toString();
    }
}
