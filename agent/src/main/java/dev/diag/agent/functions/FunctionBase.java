package dev.diag.agent.functions;

import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.function.Impact;
/**
 * What every function takes from its entry in the protocol's table ({@link Declaration}): its
 * name, how many arguments it takes, and what calling it costs the target. A function extends
 * this, names its declaration and writes only its call.
 */
abstract class FunctionBase implements DiagFunction {
    private final Declaration declaration;

    FunctionBase(Declaration declaration) {
        this.declaration = declaration;
    }

    @Override
    public final String name() {
        return declaration.function();
    }

    @Override
    public final String typed() {
        return declaration.typed();
    }

    @Override
    public final int minArity() {
        return declaration.arity().min();
    }

    @Override
    public final int maxArity() {
        return declaration.arity().max();
    }

    @Override
    public final Impact impact() {
        return declaration.impact();
    }
}
