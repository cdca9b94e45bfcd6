package dev.diag.agent.trace;

import dev.diag.spy.TraceHook;

/**
 * The hook behind {@code TraceSpy}: finds the probe a hooked method names and hands the call to
 * its trace. Installed in the spy while a trace runs, removed when it ends. Loaded only after the
 * spy is on the bootstrap class path ({@link SpyJar}): it implements the spy's interface, and must
 * implement the bootstrap copy the spy calls through.
 */
final class Tracer implements TraceHook {
    private final ProbeTable probes;

    Tracer(ProbeTable probes) {
        this.probes = probes;
    }

    @Override
    public Object enter(int number) {
        Probe probe = probes.get(number);
        return probe == null ? null : probe.trace().admit(probe, probe.parameters());
    }

    @Override
    public void argument(Object call, int index, Object value) {
        PendingCall pending = (PendingCall) call;
        pending.probe.trace().argument(pending, index, value);
    }

    @Override
    public void returned(Object call, Object value) {
        PendingCall pending = (PendingCall) call;
        pending.probe.trace().end(pending, value == dev.diag.spy.TraceSpy.VOID ? "void" : ValueText.of(value), null);
    }

    @Override
    public void threw(Object call, Throwable thrown) {
        PendingCall pending = (PendingCall) call;
        pending.probe.trace().end(pending, null, ValueText.thrown(thrown));
    }
}
