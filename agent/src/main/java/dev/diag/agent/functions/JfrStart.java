package dev.diag.agent.functions;

import dev.diag.protocol.function.Declaration;

/**
 * {@code jfr:start()}, {@code jfr:start(Settings)}: starts diag's flight recording in the node with
 * the JDK's {@code default} or {@code profile} settings ({@link FlightRecorder}); one at a time.
 *
 * <pre>
 * jfr:start(profile).   % JfrRecording{profile, RUNNING, 0 ms, 0 bytes, max 256 MiB}
 * </pre>
 */
final class JfrStart extends FunctionBase {
    private final FlightRecorder recorder;

    JfrStart(FlightRecorder recorder) {
        super(Declaration.JFR_START);
        this.recorder = recorder;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        String settings = args.count() == 0 ? "default"
                : args.text(0, "the JDK's settings to record with, default or profile", 100);
        return FlightRecorder.guarded(() -> recorder.start(settings));
    }

    @Override
    public boolean audited() {
        return true; // it starts something in the node that runs until stopped
    }
}
