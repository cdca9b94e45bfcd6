package dev.diag.agent.functions;

import dev.diag.agent.trace.Tracing;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.TraceList;

/** {@code trace:status()}: the traces running on the node, who started them and their counts so far. */
final class TraceStatus extends FunctionBase {
    private final Tracing tracing;

    TraceStatus(Tracing tracing) {
        super(Declaration.TRACE_STATUS);
        this.tracing = tracing;
    }

    @Override
    public Object call(Args args, CallContext context) {
        return new TraceList(tracing.status(), Tracing.MAX_TRACES);
    }
}
