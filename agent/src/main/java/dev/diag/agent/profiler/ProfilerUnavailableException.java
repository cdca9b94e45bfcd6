package dev.diag.agent.profiler;

/** async-profiler cannot run in this JVM; the message is the sentence the caller reads, e.g. "... a musl node cannot be profiled". */
public final class ProfilerUnavailableException extends Exception {
    public ProfilerUnavailableException(String message) {
        super(message, null, false, false);
    }
}
