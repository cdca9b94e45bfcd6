package dev.diag.agent.trace;

import dev.diag.agent.code.LoadedClasses;
import dev.diag.agent.code.RunningBytes;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unhooks a trace's classes once its transformer is gone: one retransformation of every class it
 * hooked (the JVM re-derives each from its original bytes through the transformers still
 * registered, another agent's included), then a second look at the bytes the JVM now runs
 * ({@link RunningBytes}), compared byte for byte with those captured before the trace hooked the
 * class. {@code restored} is true only when every class matches.
 */
record TraceEnd(int classes, boolean restored, List<String> notes) {

    static TraceEnd restore(Instrumentation instrumentation, TraceTransformer transformer) {
        Map<Class<?>, byte[]> before = new IdentityHashMap<>(transformer.before());
        Map<String, byte[]> later = transformer.loadedLater();
        if (!later.isEmpty()) {
            LoadedClasses loaded = LoadedClasses.of(instrumentation);
            later.forEach((name, bytes) -> loaded.named(name).forEach(type -> before.putIfAbsent(type, bytes)));
        }
        List<String> notes = new ArrayList<>();
        if (before.isEmpty()) {
            return new TraceEnd(0, true, notes);
        }
        List<Class<?>> hooked = new ArrayList<>(before.keySet());
        Map<Class<?>, byte[]> after;
        try {
            instrumentation.retransformClasses(hooked.toArray(Class<?>[]::new));
            after = RunningBytes.of(instrumentation, hooked);
        } catch (Exception | LinkageError e) {
            notes.add("could not restore the traced classes: " + e);
            return new TraceEnd(hooked.size(), false, notes);
        }
        boolean same = true;
        for (Class<?> type : hooked) {
            if (!Arrays.equals(before.get(type), after.get(type))) {
                same = false;
                notes.add(type.getName() + " is not byte for byte what it was before the trace");
            }
        }
        return new TraceEnd(hooked.size(), same, notes);
    }
}
