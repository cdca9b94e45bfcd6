package dev.diag.protocol.result;

import java.util.List;

/**
 * One traced call, as {@code trace(...)} streams it: when it began (epoch millis), the process
 * (thread id and name), {@code Class.method} and its arguments rendered by the agent without
 * running app code, then how it ended: {@code result} (its return value rendered, "void" for
 * none) or {@code exception} (the thrown class and message as the JVM holds it), never both; its
 * duration; and {@code stack}, the caller's frames, when the trace asked for them (else empty).
 */
public record TraceCall(long timeMillis, long pid, String thread, String className, String method,
        List<String> args, String result, String exception, long durationNanos, List<String> stack) {
}
