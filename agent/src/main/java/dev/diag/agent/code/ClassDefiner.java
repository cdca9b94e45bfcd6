package dev.diag.agent.code;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Defines the new classes of a set in their loaders, through a full-privilege
 * {@link MethodHandles.Lookup} in a loaded class of the same package ({@code privateLookupIn},
 * then {@code defineClass}): the class gets that class's loader, runtime package and protection
 * domain, and nothing is written where the app keeps its files. Once defined, a loader answers
 * that name with this class before it would look at its class path, so an older copy of the class
 * on the class path, not loaded yet, never wins.
 *
 * A class's superclass and interfaces that are new too are defined before it (defining a class
 * loads its supertypes by name). The classes are defined, not initialised: that happens when code
 * first uses them. A JVM cannot undefine a class: if one fails, those defined before it stay.
 */
final class ClassDefiner {
    /** A new class the JVM would not define, and the classes defined before it, which stay. */
    static final class Failed extends Exception {
        final Candidate candidate;
        final List<Candidate> definedBefore;

        Failed(Candidate candidate, List<Candidate> definedBefore, Throwable cause) {
            super(null, cause, false, false);
            this.candidate = candidate;
            this.definedBefore = definedBefore;
        }
    }

    private ClassDefiner() {
    }

    /** Defines every new class of {@code set}, supertypes first; the classes defined, by candidate. */
    static Map<Candidate, Class<?>> define(Instrumentation instrumentation, List<Candidate> set, List<String> notes)
            throws Failed {
        Map<Candidate, Class<?>> defined = new LinkedHashMap<>();
        for (Candidate candidate : supertypesFirst(set)) {
            try {
                defined.put(candidate, defineNextTo(instrumentation, candidate, notes));
            } catch (Exception | LinkageError e) {
                throw new Failed(candidate, new ArrayList<>(defined.keySet()), e);
            }
        }
        return defined;
    }

    private static Class<?> defineNextTo(Instrumentation instrumentation, Candidate candidate, List<String> notes)
            throws IllegalAccessException {
        Class<?> host = candidate.host();
        Module module = host.getModule();
        Module agent = ClassDefiner.class.getModule();
        String pkg = host.getPackageName();
        if (!module.isOpen(pkg, agent)) {
            // a class path package is open to everyone; a named module's must be opened to diag for the lookup
            instrumentation.redefineModule(module, Set.of(), Map.of(), Map.of(pkg, Set.of(agent)), Set.of(), Map.of());
            notes.add("opened package " + pkg + " of module " + module.getName() + " to diag to define "
                    + candidate.className() + " in it (a module change the JVM keeps until it exits)");
        }
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        return lookup.defineClass(candidate.file().bytes());
    }

    /** The new classes of {@code set}, each after the new classes it extends or implements. */
    static List<Candidate> supertypesFirst(List<Candidate> set) {
        Map<String, Candidate> fresh = new LinkedHashMap<>();
        for (Candidate candidate : set) {
            if (candidate.isNew()) {
                fresh.put(candidate.file().shape().name(), candidate);
            }
        }
        List<Candidate> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String name : fresh.keySet()) {
            place(name, fresh, placed, ordered);
        }
        return ordered;
    }

    private static void place(String name, Map<String, Candidate> fresh, Set<String> placed, List<Candidate> ordered) {
        Candidate candidate = fresh.get(name);
        if (candidate == null || !placed.add(name)) {
            return; // not new, or placed already (a cycle of supertypes is the JVM's to refuse)
        }
        ClassShape shape = candidate.file().shape();
        if (shape.superName() != null) {
            place(shape.superName(), fresh, placed, ordered);
        }
        shape.interfaces().forEach(i -> place(i, fresh, placed, ordered));
        ordered.add(candidate);
    }
}
