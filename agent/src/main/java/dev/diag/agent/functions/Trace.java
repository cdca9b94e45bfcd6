package dev.diag.agent.functions;

import dev.diag.agent.trace.TraceSpec;
import dev.diag.agent.trace.Tracing;
import dev.diag.protocol.function.Declaration;

/**
 * {@code trace(Class, Method, Limit[, Options])} and {@code trace({Class, Method, Arity}, Limit[, Options])}:
 * streams the calls of a method as they happen, until its limit, its time, a cancel or trace:stop();
 * the work is {@link Tracing}'s.
 */
final class Trace extends FunctionBase {
    private final Tracing tracing;

    Trace(Tracing tracing) {
        super(Declaration.TRACE);
        this.tracing = tracing;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        return tracing.run(TraceSpec.parse(args.values()), context);
    }
}
