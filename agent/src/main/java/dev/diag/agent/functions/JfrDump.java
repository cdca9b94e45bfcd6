package dev.diag.agent.functions;

import dev.diag.protocol.function.Declaration;
import java.nio.file.Path;

/**
 * {@code jfr:dump(Path)}: writes what diag's flight recording holds so far to a new {@code .jfr}
 * file on the node's host (the path checked as heap_dump's is: {@link DumpPath}), streaming how far
 * the file has grown, then its size; the recording goes on. Read the file with the JDK's
 * {@code jfr summary} or JDK Mission Control.
 *
 * <pre>
 * jfr:dump("/tmp/orders.jfr").   % Wrote /tmp/orders.jfr on the node: 1.9 MiB in 0.1 s.
 * </pre>
 */
final class JfrDump extends FunctionBase {
    /** jfr:dump's files: a recording's chunks, at most as large as what the recording holds. */
    private final DumpPath.Kind jfr;
    private final FlightRecorder recorder;

    JfrDump(FlightRecorder recorder) {
        super(Declaration.JFR_DUMP);
        this.recorder = recorder;
        this.jfr = new DumpPath.Kind("jfr:dump", "/tmp/orders.jfr", ".jfr",
                "a flight recording's file ends in .jfr, as the jfr tool and JDK Mission Control expect",
                recorder::bytes, "diag's recording holds %d MiB");
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        FlightRecorder.guarded(() -> {
            recorder.requireRunning(); // first: without a recording, the path is beside the point
            return null;
        });
        Path path = DumpPath.check(args.values().get(0), jfr);
        return FlightRecorder.guarded(() -> WatchedWrite.run(path, "diag-jfr-dump", () -> recorder.dump(path), context,
                () -> { }));
    }

    @Override
    public String onCancel() {
        return "the JVM cannot stop copying a recording to its file once it started: it goes on, and the file is "
                + "complete when it stops growing";
    }

    @Override
    public boolean audited() {
        return true; // it writes a file on the node's host
    }
}
