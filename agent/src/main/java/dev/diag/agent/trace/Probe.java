package dev.diag.agent.trace;

/** One hooked method, as its injected code names it by number: the trace it reports to and what to call it. */
record Probe(ActiveTrace trace, String className, String method, int parameters) {
}
