package dev.diag.agent.functions;

import dev.diag.agent.probe.Reasons;
import dev.diag.agent.profiler.CollapsedStacks;
import dev.diag.agent.profiler.CpuSampler;
import dev.diag.agent.profiler.ProfilerLibrary;
import dev.diag.agent.profiler.ProfilerUnavailableException;
import dev.diag.agent.profiler.Sampling;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.ProfileEvent;
import dev.diag.protocol.result.ProfileProgress;
import dev.diag.protocol.result.ProfileReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code profile(Event, Seconds)}: async-profiler samples the node for Seconds, this call streams
 * the samples taken every {@value #PROGRESS_MILLIS} ms, then answers the heaviest collapsed
 * stacks (bounded by {@link CollapsedStacks}); the shell draws the flame graph. The native library
 * is loaded on the first call only ({@link ProfilerLibrary}). One profile at a time: async-profiler
 * is one per JVM. A cancelled call, a lost connection and stop() (which cancels every call) all end
 * in the finally that stops the profiler.
 */
final class Profile extends FunctionBase {
    static final int MAX_SECONDS = 300;
    static final long PROGRESS_MILLIS = 1000;
    private static final long POLL_MILLIS = 100;

    private final AtomicBoolean busy = new AtomicBoolean();

    Profile() {
        super(Declaration.PROFILE);
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        ProfileEvent event = args.oneOf(0, ProfileEvent.class, "event");
        int seconds = args.integer(1, 1, MAX_SECONDS, "profile(Event, Seconds) samples for 1 to " + MAX_SECONDS
                + " seconds");
        if (!busy.compareAndSet(false, true)) {
            throw FunctionException.badArgument("a profile is already running on this node (one at a time); wait "
                    + "for it to end or cancel it");
        }
        Sampling sampling = null;
        try {
            sampling = Sampling.start(ProfilerLibrary.load(), event);
            String engine = event == ProfileEvent.CPU ? CpuSampler.ofThisProcess() : event.atom();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long nextProgress = start + PROGRESS_MILLIS * 1_000_000;
            while (!context.cancelled() && System.nanoTime() < end) {
                Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, (end - System.nanoTime()) / 1_000_000)));
                if (System.nanoTime() >= nextProgress && System.nanoTime() < end) {
                    context.emit(List.of(new ProfileProgress(sampling.samples(), millisSince(start), seconds)));
                    nextProgress += PROGRESS_MILLIS * 1_000_000;
                }
            }
            long samples = sampling.samples();
            long millis = millisSince(start);
            CollapsedStacks.Bounded stacks = CollapsedStacks.bound(sampling.stopAndDump());
            return new ProfileReport(event.atom(), engine, event.unit(), millis, samples, stacks.total(),
                    stacks.stacks(), stacks.stacksLeftOut(), stacks.weightLeftOut(), notes(engine, context),
                    "async-profiler " + sampling.version());
        } catch (ProfilerUnavailableException e) {
            throw FunctionException.failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FunctionException.failed("the profile was interrupted: the agent is stopping");
        } catch (FunctionException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw FunctionException.failed("async-profiler could not profile " + event.atom() + " here: "
                    + Reasons.of(e));
        } finally {
            if (sampling != null) {
                sampling.stop();
            }
            busy.set(false);
        }
    }

    private static List<String> notes(String engine, CallContext context) {
        List<String> notes = new ArrayList<>();
        if (CpuSampler.TIMER.equals(engine)) {
            String paranoid = CpuSampler.paranoid();
            notes.add("perf events are not allowed here" + (paranoid == null ? ""
                    : " (kernel.perf_event_paranoid is " + paranoid + ", or a seccomp filter refuses them)")
                    + ": CPU was sampled with a timer instead, which sees no kernel frames");
        }
        if (context.cancelled()) {
            notes.add("cancelled: the stacks sampled until then");
        }
        return notes;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
