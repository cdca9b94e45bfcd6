package dev.diag.agent.trace;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;

/**
 * Hooks the traced methods whenever the JVM hands over a class the trace wants: the classes
 * chosen when it began (retransformed at once, and again whenever another agent retransforms
 * them), and classes loaded later whose name is the traced class's or, for an interface or an
 * abstract class, that extend or implement a known subtype. It keeps each class's bytes as they
 * came in (what the class is without the trace) to check the restored class against. Registered
 * for the trace's life only; it never throws (a class it cannot hook is left as it was).
 */
final class TraceTransformer implements ClassFileTransformer {
    private final ActiveTrace trace;
    private final ProbeTable probes;
    private final Set<Class<?>> chosen;
    private final Set<String> supertypes; // internal names whose subclasses loaded later are traced; empty for a plain class
    private final String targetName;
    private final Map<Class<?>, byte[]> before = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, byte[]> loadedLater = new ConcurrentHashMap<>();

    TraceTransformer(ActiveTrace trace, ProbeTable probes, Set<Class<?>> chosen, Set<String> supertypes) {
        this.trace = trace;
        this.probes = probes;
        this.chosen = chosen;
        this.supertypes = ConcurrentHashMap.newKeySet();
        this.supertypes.addAll(supertypes);
        this.targetName = trace.spec.className().replace('.', '/');
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
            byte[] bytes) {
        try {
            // a class hooked as it loaded stays hooked when another agent retransforms it
            if (redefined != null ? !chosen.contains(redefined) && !loadedLater.containsKey(name.replace('/', '.'))
                    : !wantedNew(name, bytes)) {
                return null;
            }
            String className = name.replace('/', '.');
            byte[] hooked = Weaver.weave(bytes, new Weaver.Choice() {
                @Override
                public boolean wants(String method, String descriptor, int access) {
                    boolean synthetic = (access & (org.objectweb.asm.Opcodes.ACC_SYNTHETIC
                            | org.objectweb.asm.Opcodes.ACC_BRIDGE)) != 0;
                    return !(synthetic && trace.spec.method().equals(TraceSpec.ALL))
                            && trace.spec.matches(method, Type.getArgumentTypes(descriptor).length);
                }

                @Override
                public int probe(String method, String descriptor) {
                    return probes.add(new Probe(trace, className, method, Type.getArgumentTypes(descriptor).length));
                }
            });
            if (hooked != null && redefined != null) {
                before.putIfAbsent(redefined, bytes.clone());
            } else if (hooked != null) {
                loadedLater.putIfAbsent(className, bytes.clone());
            }
            return hooked;
        } catch (Throwable t) {
            return null; // left as it was: a trace never breaks a class
        }
    }

    /** A class being loaded now: the traced class's name, or a subtype of a traced interface or abstract class. */
    private boolean wantedNew(String name, byte[] bytes) {
        if (name == null) {
            return false;
        }
        if (name.equals(targetName)) {
            return true;
        }
        if (supertypes.isEmpty()) {
            return false;
        }
        ClassReader header = new ClassReader(bytes);
        boolean subtype = supertypes.contains(header.getSuperName());
        for (String implemented : header.getInterfaces()) {
            subtype |= supertypes.contains(implemented);
        }
        if (subtype) {
            supertypes.add(name); // its own subclasses, loaded after it, are subtypes too
        }
        return subtype;
    }

    /** Each chosen class's bytes as they were before the trace hooked it. */
    Map<Class<?>, byte[]> before() {
        synchronized (before) {
            return new IdentityHashMap<>(before);
        }
    }

    /** The classes hooked as they loaded (after the trace began), by name, with their bytes as loaded. */
    Map<String, byte[]> loadedLater() {
        return Map.copyOf(loadedLater);
    }
}
