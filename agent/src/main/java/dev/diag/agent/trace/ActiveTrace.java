package dev.diag.agent.trace;

import dev.diag.agent.AgentThreads;
import dev.diag.protocol.result.TraceCall;
import dev.diag.protocol.result.TraceInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running trace's counters and buffer, shared by the app's threads (which record calls) and
 * the trace's call thread (which drains them to the caller). The app side never waits: admission
 * is a volatile read of {@link #allowance} and, within the limit, one atomic decrement; a full
 * buffer drops the call and counts it. Calls made on diag's own threads are never recorded, so
 * nothing the agent does while answering can feed the trace.
 */
final class ActiveTrace {
    static final int BUFFER = 1024;
    private static final String SPY = "dev.diag.spy.TraceSpy";

    final TraceSpec spec;
    final String caller;
    final long startedNanos = System.nanoTime();
    /** Calls it may still show: the count, or this window's share of the rate. */
    private final AtomicLong allowance;
    private final AtomicLong shown = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentLinkedQueue<TraceCall> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private volatile boolean over;
    private volatile boolean stopRequested;
    private volatile int classes;

    ActiveTrace(TraceSpec spec, String caller) {
        this.spec = spec;
        this.caller = caller;
        this.allowance = new AtomicLong(spec.count());
    }

    /** The hook's entry: a token when this call is recorded, else null; never throws, never waits. */
    PendingCall admit(Probe probe, int parameters) {
        if (over || allowance.get() <= 0) {
            return null; // beyond the limit: this check is all a call costs
        }
        Thread thread = Thread.currentThread();
        if (AgentThreads.isAgents(thread)) {
            return null;
        }
        // with an argument to match, the allowance is taken when the call is known to match
        if (spec.matchIndex() < 0 && allowance.getAndDecrement() <= 0) {
            return null;
        }
        inFlight.incrementAndGet();
        // with an argument to match, the caller's frames are taken once the call is known to match
        boolean framesNow = spec.stackDepth() > 0 && spec.matchIndex() < 0;
        PendingCall call = new PendingCall(probe, thread, parameters, framesNow ? callers() : List.of());
        call.rejected = spec.matchIndex() >= parameters; // it has no such argument: never shown
        return call;
    }

    /** An argument of a recorded call; the one to match decides at once, so a call that fails it costs no more. */
    void argument(PendingCall call, int index, Object value) {
        if (call.rejected || index >= call.args.length) {
            return;
        }
        call.args[index] = ValueText.of(value);
        if (index == spec.matchIndex()) {
            if (!matches(call.args[index])) {
                call.rejected = true;
            } else if (spec.stackDepth() > 0) {
                call.stack = callers(); // still inside the traced method: the same frames as at its entry
            }
        }
    }

    void end(PendingCall call, String result, String exception) {
        long duration = System.nanoTime() - call.startNanos;
        inFlight.decrementAndGet();
        if (call.rejected || (spec.matchIndex() >= 0 && allowance.getAndDecrement() <= 0)) {
            return;
        }
        TraceCall row = new TraceCall(call.timeMillis, call.thread.getId(), call.thread.getName(),
                call.probe.className(), call.probe.method(), Arrays.asList(call.args), result, exception, duration,
                call.stack);
        if (buffered.incrementAndGet() > BUFFER) {
            buffered.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        buffer.add(row);
    }

    /** As typed: {@code fig} matches the string "fig" (shown quoted) as well as a value shown as fig. */
    private boolean matches(String shown) {
        return shown.equals(spec.matchText()) || shown.equals("\"" + spec.matchText() + "\"");
    }

    /** The caller's frames: those below the traced method, which is below the spy's (the first run of them). */
    private List<String> callers() {
        StackTraceElement[] frames = new Throwable().getStackTrace();
        int spy = -1;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(SPY)) {
                spy = i;
            } else if (spy >= 0) {
                break;
            }
        }
        List<String> out = new ArrayList<>(spec.stackDepth());
        for (int i = spy + 2; spy >= 0 && i < frames.length && out.size() < spec.stackDepth(); i++) {
            out.add(frames[i].toString());
        }
        return out;
    }

    /** The recorded calls so far, at most {@code max}, taken out of the buffer. */
    List<TraceCall> drain(int max) {
        List<TraceCall> rows = new ArrayList<>();
        TraceCall row;
        while (rows.size() < max && (row = buffer.poll()) != null) {
            buffered.decrementAndGet();
            rows.add(row);
        }
        shown.addAndGet(rows.size());
        return rows;
    }

    /** A new window of a rate limit: the full count again. */
    void refill() {
        allowance.set(spec.count());
    }

    /** A count limit is spent and every call it admitted has ended. */
    boolean spent() {
        return !spec.rated() && allowance.get() <= 0 && inFlight.get() <= 0 && buffered.get() == 0;
    }

    boolean hasBuffered() {
        return buffered.get() > 0;
    }

    boolean limitReached() {
        return !spec.rated() && allowance.get() <= 0;
    }

    /** No call is recorded from now on. */
    void close() {
        over = true;
        allowance.set(0);
    }

    /** trace:stop() or the agent's stop(): the trace's own thread ends it at its next tick. */
    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void classes(int count) {
        classes = count;
    }

    long shown() {
        return shown.get();
    }

    long dropped() {
        return dropped.get();
    }

    TraceInfo info() {
        return new TraceInfo(caller, spec.target(), spec.limit(), shown.get(), dropped.get(), classes,
                (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
