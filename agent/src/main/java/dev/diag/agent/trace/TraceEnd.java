package dev.diag.agent.trace;

import dev.diag.agent.code.LoadedClasses;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unhooks a trace's classes once its transformer is gone: one retransformation of every class it
 * hooked (the JVM re-derives each from the class file it kept from before the hook, through the
 * transformers still registered, another agent's included), watched by a transformer registered
 * last for that call only, which copies the class file the JVM is about to install and changes
 * nothing. Each copy is compared byte for byte with the class file the trace captured before it
 * hooked the class; {@code restored} is true only when every class matches.
 *
 * Why during the restoring retransformation and not in another one after it: once a class has
 * been redefined, a later retransformation may hand transformers a class file the JVM rebuilds
 * from the running class, whose constant pool keeps the entries of every earlier version (the
 * JVM merges them so old frames can finish); same code, other bytes.
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
        Map<Class<?>, byte[]> installed = Collections.synchronizedMap(new IdentityHashMap<>());
        ClassFileTransformer copier = copier(before.keySet(), installed);
        instrumentation.addTransformer(copier, true);
        try {
            instrumentation.retransformClasses(hooked.toArray(Class<?>[]::new));
        } catch (Exception | LinkageError e) {
            notes.add("could not restore the traced classes: " + e);
            return new TraceEnd(hooked.size(), false, notes);
        } finally {
            instrumentation.removeTransformer(copier);
        }
        boolean same = true;
        for (Class<?> type : hooked) {
            if (!Arrays.equals(before.get(type), installed.get(type))) {
                same = false;
                notes.add(type.getName() + " is not byte for byte what it was before the trace");
            }
        }
        return new TraceEnd(hooked.size(), same, notes);
    }

    /** Copies the class file of each of {@code wanted} as the JVM installs it; changes nothing. */
    private static ClassFileTransformer copier(Set<Class<?>> wanted, Map<Class<?>, byte[]> installed) {
        Set<Class<?>> classes = Collections.newSetFromMap(new IdentityHashMap<>());
        classes.addAll(wanted);
        return new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                    ProtectionDomain domain, byte[] bytes) {
                if (redefined != null && classes.contains(redefined)) {
                    installed.put(redefined, bytes.clone());
                }
                return null;
            }
        };
    }
}
