package dev.diag.agent.trace;

import dev.diag.spy.TraceSpy;

/**
 * The only code that hands the spy its hook. Kept apart so that no class loaded before the spy is
 * on the bootstrap class path names the spy's types: the JVM would then load them from the agent's
 * jar, and the hook would implement a copy of the interface the spy cannot call.
 */
final class SpyLink {
    private SpyLink() {
    }

    static void connect(ProbeTable probes) {
        TraceSpy.install(new Tracer(probes));
    }

    static void disconnect() {
        TraceSpy.install(null);
    }

    static Module module() {
        return TraceSpy.class.getModule();
    }
}
