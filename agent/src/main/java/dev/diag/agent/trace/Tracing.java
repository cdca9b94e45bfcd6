package dev.diag.agent.trace;

import dev.diag.agent.code.LoadedClasses;
import dev.diag.agent.functions.CallContext;
import dev.diag.agent.functions.FunctionException;
import dev.diag.protocol.result.TraceInfo;
import dev.diag.protocol.result.TraceSummary;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node's tracing: runs {@code trace(...)} calls one at a time ({@link #MAX_TRACES}), lists
 * them and stops them. A trace hooks its classes ({@link TraceTransformer}, one retransformation),
 * streams the recorded calls to its caller from its own call thread, and when it ends (its count,
 * its time, Ctrl-C, a disconnect, trace:stop(), the agent's stop()) unhooks them in one more
 * retransformation and checks that each class's bytes are what they were ({@link TraceEnd}).
 * Nothing of a trace outlives it: no transformer, no hook in the spy, no probe, no buffer, no
 * thread of its own.
 */
public final class Tracing {
    /** Each trace holds one of the agent's two call threads; the other stays free for everything else. */
    public static final int MAX_TRACES = 1;
    /** How often the trace's call thread drains the buffer and checks its limits. */
    static final long TICK_MILLIS = 20;
    /** A count limit reached: how long calls already admitted may take to end before the trace ends anyway. */
    static final long GRACE_MILLIS = 1_000;
    static final int ROWS_PER_CHUNK = 256;

    private final Instrumentation instrumentation;
    private final ProbeTable probes = new ProbeTable();
    private final List<ActiveTrace> live = new ArrayList<>(); // guarded by this

    public Tracing(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    public TraceSummary run(TraceSpec spec, CallContext context) throws FunctionException {
        if (instrumentation == null || !instrumentation.isRetransformClassesSupported()) {
            throw FunctionException.failed("this node cannot trace: its agent was started without retransformation");
        }
        String refused = TraceRefusals.reason(spec.className());
        if (refused != null) {
            throw FunctionException.badArgument("cannot trace " + spec.className() + ": " + refused);
        }
        TraceTargets targets = TraceTargets.resolve(LoadedClasses.of(instrumentation), spec, this::traceable);
        for (Class<?> type : targets.classes()) {
            if (!traceable(type)) {
                throw FunctionException.badArgument("cannot trace " + type.getName() + ": " + TraceRefusals.reason(type));
            }
        }
        String spyProblem = SpyJar.install(instrumentation);
        if (spyProblem != null) {
            throw FunctionException.failed("this node cannot trace: " + spyProblem);
        }
        ActiveTrace trace = new ActiveTrace(spec, context.caller());
        register(trace);
        try {
            return traced(trace, targets, context);
        } finally {
            unregister(trace);
        }
    }

    private TraceSummary traced(ActiveTrace trace, TraceTargets targets, CallContext context) {
        SpyLink.connect(probes);
        TraceTransformer transformer = new TraceTransformer(trace, probes, Set.copyOf(targets.classes()),
                targets.supertypes());
        List<String> notes = new ArrayList<>(targets.notes());
        instrumentation.addTransformer(transformer, true);
        String ended;
        try {
            readable(targets.classes());
            if (!targets.classes().isEmpty()) {
                instrumentation.retransformClasses(targets.classes().toArray(Class<?>[]::new));
            }
            trace.classes(transformer.before().size());
            ended = new TraceLoop(trace, context).run();
        } catch (Exception | LinkageError e) { // a class the JVM refused to retransform: end, restore what was hooked
            notes.add("could not hook the classes: " + e);
            ended = "failed";
        } finally {
            trace.close();
            probes.clear();
            SpyLink.disconnect();
            instrumentation.removeTransformer(transformer);
        }
        boolean interrupted = Thread.interrupted(); // a cancelled call still restores its classes, uninterrupted
        TraceEnd end = TraceEnd.restore(instrumentation, transformer);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        notes.addAll(end.notes());
        if (!context.cancelled()) {
            List<?> rest = trace.drain(Integer.MAX_VALUE);
            if (!rest.isEmpty()) {
                context.emit(rest);
            }
        }
        return new TraceSummary(trace.spec.target(), trace.shown(), trace.dropped(), ended, end.classes(),
                end.restored(), notes);
    }

    /** A class in a named module (a JDK class) must read the spy's module for its hooks to link. */
    private void readable(List<Class<?>> classes) {
        Module spy = SpyLink.module();
        for (Class<?> type : classes) {
            Module module = type.getModule();
            if (module.isNamed() && !module.canRead(spy)) {
                instrumentation.redefineModule(module, Set.of(spy), Map.of(), Map.of(), Set.of(), Map.of());
            }
        }
    }

    private boolean traceable(Class<?> type) {
        return TraceRefusals.reason(type) == null && instrumentation.isModifiableClass(type);
    }

    private synchronized void register(ActiveTrace trace) throws FunctionException {
        if (live.size() >= MAX_TRACES) {
            ActiveTrace running = live.get(0);
            throw FunctionException.failed("a trace is running on this node already (" + running.spec.target()
                    + " for " + running.caller + "); a node runs " + MAX_TRACES + " at a time: trace:stop() ends it");
        }
        live.add(trace);
    }

    private synchronized void unregister(ActiveTrace trace) {
        live.remove(trace);
        notifyAll();
    }

    public synchronized List<TraceInfo> status() {
        return live.stream().map(ActiveTrace::info).toList();
    }

    /** Asks every running trace to end and waits up to {@code waitMillis} for them to restore their classes. */
    public synchronized List<TraceInfo> stopAll(long waitMillis) throws InterruptedException {
        List<ActiveTrace> stopping = List.copyOf(live);
        stopping.forEach(ActiveTrace::requestStop);
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (!live.isEmpty() && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return stopping.stream().map(ActiveTrace::info).toList();
    }
}
