package dev.diag.agent.code;

import java.lang.reflect.Modifier;
import org.objectweb.asm.Type;

/** Classes, fields and methods in the words a Java programmer reads: {@code int count}, {@code label(int)}. */
final class Words {
    private Words() {
    }

    /** {@code com/example/Foo$Bar} as {@code com.example.Foo$Bar}. */
    static String className(String internalName) {
        return internalName.replace('/', '.');
    }

    /** A type from a descriptor as Java writes it, java.lang shortened: {@code String[]}, {@code int}. */
    static String type(Type type) {
        String name = type.getClassName();
        return name.startsWith("java.lang.") && name.indexOf('.', "java.lang.".length()) < 0
                ? name.substring("java.lang.".length()) : name;
    }

    /** {@code private int count}. */
    static String field(Member field) {
        String modifiers = Modifier.toString(field.access() & Modifier.fieldModifiers());
        return (modifiers.isEmpty() ? "" : modifiers + " ") + type(Type.getType(field.descriptor())) + " " + field.name();
    }

    /** {@code label(int)}, or {@code constructor(int)} for {@code <init>}. */
    static String method(String name, String descriptor) {
        StringBuilder text = new StringBuilder(name.equals("<init>") ? "constructor" : name).append('(');
        Type[] arguments = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < arguments.length; i++) {
            text.append(i == 0 ? "" : ", ").append(type(arguments[i]));
        }
        return text.append(')').toString();
    }

    /** {@code public static String label(int)}. */
    static String methodWithModifiers(Member method) {
        String modifiers = Modifier.toString(method.access() & Modifier.methodModifiers());
        String returns = method.name().equals("<init>") ? "" : type(Type.getReturnType(method.descriptor())) + " ";
        return (modifiers.isEmpty() ? "" : modifiers + " ") + returns + method(method.name(), method.descriptor());
    }

    /** The modifiers as Java writes them, or "no modifiers" (package access). */
    static String modifiers(int access, int mask) {
        String text = Modifier.toString(access & mask);
        return text.isEmpty() ? "package access" : text;
    }

    /** {@code Pipeline.run() (Pipeline.java:14)}, where a reference is used. */
    static String where(String className, Reference reference, String sourceFile) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple + "." + reference.from()
                + (reference.line() > 0 && sourceFile != null ? " (" + sourceFile + ":" + reference.line() + ")" : "");
    }
}
