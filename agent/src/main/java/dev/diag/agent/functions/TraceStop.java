package dev.diag.agent.functions;

import dev.diag.agent.trace.Tracing;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.TraceList;

/**
 * {@code trace:stop()}: ends every running trace, whoever started it, and answers once they have
 * restored their classes (each trace's own call thread does that; at most {@link #WAIT_MILLIS}).
 */
final class TraceStop extends FunctionBase {
    static final long WAIT_MILLIS = 5_000;

    private final Tracing tracing;

    TraceStop(Tracing tracing) {
        super(Declaration.TRACE_STOP);
        this.tracing = tracing;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        try {
            return new TraceList(tracing.stopAll(WAIT_MILLIS), Tracing.MAX_TRACES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FunctionException.failed("interrupted while the traces were ending; trace:status() shows what runs");
        }
    }
}
