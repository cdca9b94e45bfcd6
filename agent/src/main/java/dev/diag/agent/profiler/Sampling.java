package dev.diag.agent.profiler;

import dev.diag.protocol.result.ProfileEvent;
import one.profiler.AsyncProfiler;
import one.profiler.Counter;

/**
 * One profile as async-profiler runs it: started with the event's own command, stopped, its
 * collapsed stacks read once. The intervals are async-profiler's usual ones, written out so the
 * cost stated in the function table stays true whatever a later version's defaults become.
 *
 * <pre>
 * Sampling sampling = Sampling.start(profiler, ProfileEvent.CPU);
 * ... sampling.samples() ...
 * String collapsed = sampling.stopAndDump();
 * </pre>
 */
public final class Sampling {
    private final AsyncProfiler profiler;
    private final ProfileEvent event;
    private boolean running = true;

    private Sampling(AsyncProfiler profiler, ProfileEvent event) {
        this.profiler = profiler;
        this.event = event;
    }

    public static Sampling start(AsyncProfiler profiler, ProfileEvent event) throws Exception {
        profiler.execute(command(event));
        return new Sampling(profiler, event);
    }

    static String command(ProfileEvent event) {
        return switch (event) {
            case CPU -> "start,event=cpu,interval=10ms";
            case ALLOC -> "start,event=alloc,alloc=512k";
            case LOCK -> "start,event=lock,lock=10us";
            case WALL -> "start,event=wall,interval=50ms";
        };
    }

    /** Samples taken since the start. */
    public long samples() {
        return profiler.getSamples();
    }

    /** async-profiler's version, e.g. "4.2". */
    public String version() {
        return profiler.getVersion();
    }

    /** Stops sampling and returns the collapsed stacks, weighed in the event's unit. */
    public String stopAndDump() throws Exception {
        stop();
        return profiler.dumpCollapsed(event == ProfileEvent.ALLOC || event == ProfileEvent.LOCK
                ? Counter.TOTAL : Counter.SAMPLES);
    }

    /** Stops sampling if it still runs; never throws (it runs in a finally, and on stop()). */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            profiler.execute("stop");
        } catch (Exception | Error e) {
            // already stopped (a profile ended by the JVM's own shutdown): nothing left sampling
        }
    }
}
