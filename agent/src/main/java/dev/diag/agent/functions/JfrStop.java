package dev.diag.agent.functions;

import dev.diag.protocol.function.Declaration;

/** {@code jfr:stop()}: ends diag's flight recording and discards what was not dumped; stop() does the same. */
final class JfrStop extends FunctionBase {
    private final FlightRecorder recorder;

    JfrStop(FlightRecorder recorder) {
        super(Declaration.JFR_STOP);
        this.recorder = recorder;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        return FlightRecorder.guarded(recorder::stop);
    }

    @Override
    public boolean audited() {
        return true; // it ends what jfr:start started
    }
}
