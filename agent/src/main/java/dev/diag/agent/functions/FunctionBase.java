package dev.diag.agent.functions;

/**
 * What every function declares the same way: its name, how many arguments it takes, and what
 * calling it costs the target. A function extends this and writes only its call.
 */
abstract class FunctionBase implements DiagFunction {
    private final String name;
    private final int minArity;
    private final int maxArity;
    private final Impact impact;

    FunctionBase(String name, int minArity, int maxArity, Impact impact) {
        this.name = name;
        this.minArity = minArity;
        this.maxArity = maxArity;
        this.impact = impact;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int minArity() {
        return minArity;
    }

    @Override
    public final int maxArity() {
        return maxArity;
    }

    @Override
    public final Impact impact() {
        return impact;
    }
}
