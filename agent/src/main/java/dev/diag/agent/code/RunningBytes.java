package dev.diag.agent.code;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class files the JVM runs now for some classes, as a retransformation hands them to a
 * transformer: the bytes of the last load or redefinition (the file as loaded, even when the
 * file on disk has changed since). This is what code:rollback restores. One
 * {@code retransformClasses} call for the whole set, with a transformer that copies the bytes and
 * changes nothing; it is registered for that call only.
 *
 * Costs a redefinition pause of its own (the JVM re-installs the unchanged classes), and the
 * target's own retransforming agents, if any, run over those classes again as for any retransform;
 * the bytes seen are those after the transformers registered before this one.
 */
final class RunningBytes {
    private RunningBytes() {
    }

    /** The running bytes of each of {@code classes} that the JVM handed over. */
    static Map<Class<?>, byte[]> of(Instrumentation instrumentation, List<Class<?>> classes)
            throws UnmodifiableClassException {
        Map<Class<?>, byte[]> captured = new IdentityHashMap<>();
        if (classes.isEmpty() || !instrumentation.isRetransformClassesSupported()) {
            return captured;
        }
        Set<Class<?>> wanted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(classes);
        ClassFileTransformer copier = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                    ProtectionDomain domain, byte[] bytes) {
                if (redefined != null && wanted.contains(redefined)) {
                    synchronized (captured) {
                        captured.put(redefined, bytes.clone());
                    }
                }
                return null; // no change
            }
        };
        instrumentation.addTransformer(copier, true);
        try {
            instrumentation.retransformClasses(classes.toArray(Class<?>[]::new));
        } finally {
            instrumentation.removeTransformer(copier);
        }
        return captured;
    }
}
