package dev.diag.agent.code;

import dev.diag.protocol.result.UpgradeProblem;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;

/**
 * What HotSpot refuses to redefine, found before asking it, per class and in plain words: a
 * changed superclass, interfaces or class modifiers; an added, removed, reordered or re-typed
 * field, or one whose modifiers changed; an added or removed method (since Java 13 the JVM allows
 * none, unless started with {@code -XX:+AllowRedefinitionToAddDeleteMethods}, which lets private
 * static and private final ones come and go); a method whose modifiers changed (native aside).
 * The JVM checks again inside redefineClasses and stays the last word; this says in advance, and
 * in words, what it would say.
 */
final class SchemaCheck {
    private static final int FIELD_FLAGS = Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED
            | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE | Opcodes.ACC_TRANSIENT
            | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_ENUM;
    private static final int METHOD_FLAGS = (Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED
            | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_BRIDGE
            | Opcodes.ACC_VARARGS | Opcodes.ACC_ABSTRACT | Opcodes.ACC_STRICT | Opcodes.ACC_SYNTHETIC);
    private static final String FIELDS = "the JVM cannot add, remove or change the fields of a loaded class";

    private SchemaCheck() {
    }

    /**
     * The problems of replacing {@code loaded} (the class as it runs) with {@code replacement};
     * {@code privateMethodsMayChange}: the JVM runs with -XX:+AllowRedefinitionToAddDeleteMethods.
     */
    static List<UpgradeProblem> compare(String className, ClassShape loaded, ClassShape replacement,
            boolean privateMethodsMayChange) {
        List<UpgradeProblem> problems = new ArrayList<>();
        if (!java.util.Objects.equals(loaded.superName(), replacement.superName())) {
            problems.add(problem(className, "changes its superclass from " + name(loaded.superName()) + " to "
                    + name(replacement.superName()) + "; the JVM cannot change a loaded class's hierarchy"));
        }
        if (!loaded.interfaces().equals(replacement.interfaces())) {
            problems.add(problem(className, "changes the interfaces it implements from " + names(loaded.interfaces())
                    + " to " + names(replacement.interfaces()) + "; the JVM cannot change a loaded class's hierarchy"));
        }
        int before = loaded.access();
        int after = LoadedShapes.comparableAccess(replacement.access());
        if (before != after) {
            problems.add(problem(className, "changes its class modifiers from " + classModifiers(before) + " to "
                    + classModifiers(after) + "; the JVM cannot change them"));
        }
        fields(className, loaded.fields(), replacement.fields(), problems);
        methods(className, loaded.methods(), replacement.methods(), privateMethodsMayChange, problems);
        return problems;
    }

    private static void fields(String className, List<Member> before, List<Member> after, List<UpgradeProblem> problems) {
        Map<String, Member> old = byName(before);
        Map<String, Member> now = byName(after);
        for (Member field : after) {
            Member was = old.get(field.name());
            if (was == null) {
                problems.add(problem(className, "adds field " + Words.field(field) + "; " + FIELDS));
            } else if (!was.descriptor().equals(field.descriptor())) {
                problems.add(problem(className, "changes the type of field " + field.name() + " from "
                        + Words.field(was) + " to " + Words.field(field) + "; " + FIELDS));
            } else if ((was.access() & FIELD_FLAGS) != (field.access() & FIELD_FLAGS)) {
                problems.add(problem(className, "changes the modifiers of field " + field.name() + " from "
                        + Words.modifiers(was.access(), Modifier.fieldModifiers()) + " to "
                        + Words.modifiers(field.access(), Modifier.fieldModifiers()) + "; " + FIELDS));
            }
        }
        for (Member field : before) {
            if (!now.containsKey(field.name())) {
                problems.add(problem(className, "removes field " + Words.field(field) + "; " + FIELDS));
            }
        }
        if (before.size() == after.size() && old.keySet().equals(now.keySet())) {
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).name().equals(after.get(i).name())) {
                    problems.add(problem(className, "declares its fields in another order; the JVM keeps a loaded "
                            + "class's fields in their order: keep " + names(before)));
                    break;
                }
            }
        }
    }

    private static void methods(String className, List<Member> before, List<Member> after,
            boolean privateMethodsMayChange, List<UpgradeProblem> problems) {
        Map<String, Member> old = byKey(before);
        Map<String, Member> now = byKey(after);
        for (Member method : after) {
            Member was = old.get(method.name() + method.descriptor());
            if (was == null) {
                if (!method.name().equals("<clinit>") && !(privateMethodsMayChange && privateStaticOrFinal(method))) {
                    problems.add(problem(className, "adds method " + Words.methodWithModifiers(method) + "; "
                            + methodRule(privateMethodsMayChange, "add") + lambdaHint(method)));
                }
            } else if (((was.access() ^ method.access()) & METHOD_FLAGS) != 0) {
                problems.add(problem(className, "changes the modifiers of " + Words.method(method.name(), method.descriptor())
                        + " from " + Words.modifiers(was.access(), Modifier.methodModifiers()) + " to "
                        + Words.modifiers(method.access(), Modifier.methodModifiers())
                        + "; the JVM cannot change a loaded method's modifiers"));
            }
        }
        for (Member method : before) {
            if (!now.containsKey(method.name() + method.descriptor())
                    && !(privateMethodsMayChange && privateStaticOrFinal(method))) {
                problems.add(problem(className, "removes method " + Words.methodWithModifiers(method) + "; "
                        + methodRule(privateMethodsMayChange, "remove") + lambdaHint(method)));
            }
        }
    }

    /** HotSpot's rule (jvmtiRedefineClasses.cpp, can_add_or_delete), when the flag allows any. */
    private static boolean privateStaticOrFinal(Member method) {
        int access = method.access();
        return Modifier.isPrivate(access) && (Modifier.isStatic(access) || Modifier.isFinal(access));
    }

    private static String methodRule(boolean privateMethodsMayChange, String verb) {
        return privateMethodsMayChange
                ? "even with -XX:+AllowRedefinitionToAddDeleteMethods the JVM can " + verb
                        + " only private static or private final methods"
                : "the JVM cannot " + verb + " methods of a loaded class (since Java 13; a JVM started with "
                        + "-XX:+AllowRedefinitionToAddDeleteMethods can " + verb + " private static or private final ones)";
    }

    private static String lambdaHint(Member method) {
        return method.name().startsWith("lambda$") ? "; a lambda compiles to a private method of its class, so adding "
                + "or removing one changes the class's methods (one that uses this or a field is not even static)" : "";
    }

    private static Map<String, Member> byName(List<Member> members) {
        Map<String, Member> map = new HashMap<>();
        members.forEach(m -> map.put(m.name(), m));
        return map;
    }

    private static Map<String, Member> byKey(List<Member> members) {
        Map<String, Member> map = new HashMap<>();
        members.forEach(m -> map.put(m.name() + m.descriptor(), m));
        return map;
    }

    private static String classModifiers(int access) {
        List<String> words = new ArrayList<>();
        words.add((access & Opcodes.ACC_PUBLIC) != 0 ? "public" : "package access");
        if ((access & Opcodes.ACC_ABSTRACT) != 0 && (access & Opcodes.ACC_INTERFACE) == 0) {
            words.add("abstract");
        }
        if ((access & Opcodes.ACC_FINAL) != 0) {
            words.add("final");
        }
        words.add((access & Opcodes.ACC_ANNOTATION) != 0 ? "@interface" : (access & Opcodes.ACC_INTERFACE) != 0
                ? "interface" : (access & Opcodes.ACC_ENUM) != 0 ? "enum" : "class");
        return String.join(" ", words);
    }

    private static String name(String internalName) {
        return internalName == null ? "none" : Words.className(internalName);
    }

    private static String names(List<?> items) {
        List<String> names = new ArrayList<>();
        for (Object item : items) {
            names.add(item instanceof Member m ? m.name() : Words.className((String) item));
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static UpgradeProblem problem(String className, String message) {
        return new UpgradeProblem(className, "schema", className + " " + message);
    }
}
