package dev.diag.agent.trace;

import java.util.List;

/**
 * A recorded call between its entry and its end: the token its injected code carries. Filled by
 * the thread making the call only, so it needs no locking. {@code rejected}: its argument did not
 * match the trace's, so nothing more is rendered and it is not shown.
 */
final class PendingCall {
    final Probe probe;
    final Thread thread;
    final long timeMillis;
    final long startNanos;
    final String[] args;
    List<String> stack;
    boolean rejected;

    PendingCall(Probe probe, Thread thread, int parameters, List<String> stack) {
        this.probe = probe;
        this.thread = thread;
        this.timeMillis = System.currentTimeMillis();
        this.args = new String[parameters];
        this.stack = stack;
        this.startNanos = System.nanoTime();
    }
}
