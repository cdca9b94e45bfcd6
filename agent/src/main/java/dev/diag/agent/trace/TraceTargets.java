package dev.diag.agent.trace;

import dev.diag.agent.code.LoadedClasses;
import dev.diag.agent.functions.FunctionException;
import dev.diag.protocol.function.EditDistance;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The classes a trace hooks, from the node's loaded classes: the named class (each copy, one per
 * loader), or for an interface or abstract class every loaded class below it that has a body for
 * the method, and the type names whose subclasses loaded later are hooked too. A class or method
 * that is not there is a bad argument naming the nearest loaded names. Reads the class list once
 * (a few ms at 20,000 classes) and the declared methods of the classes concerned; runs no app code.
 */
record TraceTargets(List<Class<?>> classes, Set<String> supertypes, List<String> notes) {
    static final int MAX_CLASSES = 500;
    private static final int SUGGESTIONS = 3;

    static TraceTargets resolve(LoadedClasses loaded, TraceSpec spec, Predicate<Class<?>> traceable)
            throws FunctionException {
        List<Class<?>> named = loaded.named(spec.className());
        if (named.isEmpty()) {
            throw FunctionException.badArgument("no class " + spec.className() + " is loaded on this node"
                    + nearest(spec.className(), loaded.all().stream().map(Class::getName).toList(), "; nearest: ",
                            "; code:all_loaded('Prefix') lists the loaded classes"));
        }
        knownMethod(named, spec);
        Set<Class<?>> classes = new LinkedHashSet<>();
        Set<String> supertypes = new HashSet<>();
        List<String> notes = new ArrayList<>();
        for (Class<?> type : named) {
            if (hasBody(type, spec)) {
                classes.add(type);
            }
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                supertypes.add(type.getName().replace('.', '/'));
                for (Class<?> candidate : loaded.all()) {
                    if (candidate == type || !type.isAssignableFrom(candidate)) {
                        continue;
                    }
                    // a class loaded later that extends any loaded subtype is a subtype too
                    supertypes.add(candidate.getName().replace('.', '/'));
                    if (hasBody(candidate, spec)) {
                        if (traceable.test(candidate)) {
                            classes.add(candidate);
                        } else {
                            notes.add(candidate.getName() + " left out: " + TraceRefusals.reason(candidate));
                        }
                    }
                }
            }
        }
        if (classes.isEmpty() && supertypes.isEmpty()) {
            String from = inheritedFrom(named, spec);
            throw FunctionException.badArgument(from == null
                    ? spec.target() + " is abstract or native: no code of its own to trace"
                    : spec.className() + " inherits " + spec.method() + " from " + from + ", whose code it runs: trace("
                            + from + ", " + spec.method() + ", Limit) traces it");
        }
        List<Class<?>> chosen = new ArrayList<>(classes);
        if (chosen.size() > MAX_CLASSES) {
            notes.add((chosen.size() - MAX_CLASSES) + " more classes left out: a trace hooks at most " + MAX_CLASSES);
            chosen = chosen.subList(0, MAX_CLASSES);
        }
        return new TraceTargets(List.copyOf(chosen), Set.copyOf(supertypes), List.copyOf(notes));
    }

    /** A bad argument naming the nearest methods when none of the named classes has the method. */
    private static void knownMethod(List<Class<?>> named, TraceSpec spec) throws FunctionException {
        List<String> all = new ArrayList<>();
        for (Class<?> type : named) {
            List<Method> methods = new ArrayList<>();
            for (Class<?> above = type; above != null; above = above.getSuperclass()) {
                methods.addAll(List.of(methods(above)));
            }
            try {
                methods.addAll(List.of(type.getMethods())); // inherited ones name what was perhaps meant
            } catch (LinkageError | RuntimeException e) {
                // the declared ones, then
            }
            for (Method method : methods) {
                if (spec.matches(method.getName(), method.getParameterCount())) {
                    return;
                }
                all.add(method.getName() + "/" + method.getParameterCount());
            }
        }
        throw FunctionException.badArgument(spec.className() + " has no method " + spec.method()
                + (spec.arity() < 0 ? "" : "/" + spec.arity())
                + nearest(spec.method(), all.stream().distinct().toList(), "; nearest: ", ""));
    }

    /** The nearest superclass of a named class that has the method's code, or null. */
    private static String inheritedFrom(List<Class<?>> named, TraceSpec spec) {
        for (Class<?> type : named) {
            for (Class<?> above = type.getSuperclass(); above != null; above = above.getSuperclass()) {
                if (hasBody(above, spec)) {
                    return above.getName();
                }
            }
        }
        return null;
    }

    /** Whether {@code type} itself declares a method the trace wants, with code (not abstract, not native). */
    private static boolean hasBody(Class<?> type, TraceSpec spec) {
        for (Method method : methods(type)) {
            int modifiers = method.getModifiers();
            if (!Modifier.isAbstract(modifiers) && !Modifier.isNative(modifiers)
                    && !(method.isSynthetic() && spec.method().equals(TraceSpec.ALL))
                    && spec.matches(method.getName(), method.getParameterCount())) {
                return true;
            }
        }
        return false;
    }

    private static Method[] methods(Class<?> type) {
        try {
            return type.getDeclaredMethods();
        } catch (LinkageError | RuntimeException e) { // a class whose signatures name classes that cannot load
            return new Method[0];
        }
    }

    /** The few names nearest to {@code typed}, after {@code lead}; {@code otherwise} when none is near. */
    static String nearest(String typed, List<String> names, String lead, String otherwise) {
        String simple = typed.substring(typed.lastIndexOf('.') + 1);
        List<String> near = names.stream()
                .map(name -> new Object[] {name, distance(typed, simple, name)})
                .filter(pair -> (int) pair[1] <= Math.max(2, simple.length() / 3)
                        && TraceRefusals.reason((String) pair[0]) == null)
                .sorted(Comparator.comparingInt((Object[] pair) -> (int) pair[1]).thenComparing(pair -> (String) pair[0]))
                .limit(SUGGESTIONS)
                .map(pair -> (String) pair[0])
                .toList();
        return near.isEmpty() ? otherwise : lead + String.join(", ", near);
    }

    /** How far a loaded name is from what was typed: whole names, or simple names when the package was wrong. */
    private static int distance(String typed, String simple, String shown) {
        String name = shown.indexOf('/') < 0 ? shown : shown.substring(0, shown.indexOf('/')); // quote/2 is quote
        String nameSimple = name.substring(name.lastIndexOf('.') + 1);
        return Math.min(EditDistance.between(typed, name), simple.equals(typed) ? EditDistance.between(simple, nameSimple)
                : EditDistance.between(simple, nameSimple) + 1);
    }
}
