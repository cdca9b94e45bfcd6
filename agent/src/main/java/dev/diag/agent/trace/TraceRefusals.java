package dev.diag.agent.trace;

import java.util.List;

/**
 * Classes a trace refuses, with the reason: diag's own (the hook would trace itself), and the JDK
 * packages the hook runs on (java.lang, java.util and its concurrency classes, the JDK's
 * internals): a traced {@code ConcurrentLinkedQueue.offer} would call the hook from inside the
 * hook. Classes the JVM cannot retransform (arrays, primitives, hidden classes such as lambdas)
 * are refused too. Other JDK classes may be traced.
 */
final class TraceRefusals {
    /** What the agent's jar holds: the agent with its relocated libraries, the protocol, the spy. */
    private static final List<String> OWN = List.of("dev.diag.agent.", "dev.diag.protocol.", "dev.diag.spy.");
    private static final List<String> MACHINERY = List.of("java.lang.", "java.util.", "jdk.internal.", "sun.",
            "com.sun.", "jdk.jfr.");

    private TraceRefusals() {
    }

    /** Why a class of this name is never traced, or null. */
    static String reason(String className) {
        for (String prefix : OWN) {
            if (className.startsWith(prefix)) {
                return "diag does not trace its own classes: the hook would trace itself";
            }
        }
        for (String prefix : MACHINERY) {
            if (className.startsWith(prefix)) {
                return "the trace's hook runs on " + prefix + "* classes, so tracing " + className
                        + " would call the hook from inside itself";
            }
        }
        return null;
    }

    /** Why this loaded class is never traced, or null. */
    static String reason(Class<?> type) {
        if (type.isArray() || type.isPrimitive() || type.isHidden()) {
            return "the JVM cannot retransform " + type.getName() + " (an array, a primitive or a hidden class)";
        }
        return reason(type.getName());
    }
}
