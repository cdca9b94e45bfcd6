package dev.diag.agent.code;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The shape of a loaded class, read by reflection: the members the JVM has for it now, whatever
 * its class file on disk says. Reflection may load (never initialise) the types named in its
 * members' signatures, as any reflective caller would; the JVM caches what it reads.
 */
final class LoadedShapes {
    private LoadedShapes() {
    }

    /** The shape of {@code type}; a LinkageError (a signature type that cannot load) propagates. */
    static ClassShape of(Class<?> type) {
        List<Member> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            fields.add(new Member(field.getName(), Type.getDescriptor(field.getType()), field.getModifiers()));
        }
        List<Member> methods = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            methods.add(new Member(method.getName(), Type.getMethodDescriptor(method), method.getModifiers()));
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            methods.add(new Member("<init>", Type.getConstructorDescriptor(constructor), constructor.getModifiers()));
        }
        List<String> interfaces = new ArrayList<>();
        for (Class<?> implemented : type.getInterfaces()) {
            interfaces.add(Type.getInternalName(implemented));
        }
        Class<?> superclass = type.getSuperclass();
        String superName = superclass != null ? Type.getInternalName(superclass)
                : type.isInterface() ? "java/lang/Object" : null;
        return new ClassShape(Type.getInternalName(type), superName, interfaces, classAccess(type), fields, methods,
                () -> nestHost(type), ClassShape.Origin.LOADED, type.getClassLoader());
    }

    /**
     * The class's access flags as its class file has them, as far as they can be told from
     * {@code getModifiers()}: for a nested class that reports the InnerClasses flags, and javac
     * writes the class file's ACC_PUBLIC for a public or protected nested class.
     */
    static int classAccess(Class<?> type) {
        int modifiers = type.getModifiers();
        int access = (modifiers & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0 ? Opcodes.ACC_PUBLIC : 0;
        access |= modifiers & (Modifier.FINAL | Modifier.INTERFACE | Modifier.ABSTRACT);
        access |= modifiers & (Opcodes.ACC_ENUM | Opcodes.ACC_ANNOTATION);
        return access;
    }

    /** The same part of a class file's flags, for comparing with {@link #classAccess}. */
    static int comparableAccess(int classFileAccess) {
        return classFileAccess & (Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT
                | Opcodes.ACC_ENUM | Opcodes.ACC_ANNOTATION);
    }

    private static String nestHost(Class<?> type) {
        try {
            return Type.getInternalName(type.getNestHost());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
