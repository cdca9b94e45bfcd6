package dev.diag.agent.code;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.objectweb.asm.Opcodes;

/**
 * What redefinition compares and what references resolve against: a class's name, supertypes,
 * access flags and declared members, read from a class file (ASM) or from a loaded class
 * (reflection). Names are internal ({@code com/example/Foo}).
 */
final class ClassShape {
    /** Where a shape was read from: the set being loaded, the node's loaded class, or a class file not loaded yet. */
    enum Origin { NEW, LOADED, CLASS_PATH }

    private final String name;
    private final String superName;
    private final List<String> interfaces;
    private final int access;
    private final List<Member> fields;
    private final List<Member> methods;
    private final Supplier<String> nestHost;
    private final Origin origin;
    private final ClassLoader loader;
    private final Map<String, Member> byKey = new HashMap<>();

    ClassShape(String name, String superName, List<String> interfaces, int access, List<Member> fields,
            List<Member> methods, Supplier<String> nestHost, Origin origin, ClassLoader loader) {
        this.name = name;
        this.superName = superName;
        this.interfaces = List.copyOf(interfaces);
        this.access = access;
        this.fields = List.copyOf(fields);
        this.methods = List.copyOf(methods);
        this.nestHost = nestHost;
        this.origin = origin;
        this.loader = loader;
        fields.forEach(f -> byKey.put("F" + f.name() + " " + f.descriptor(), f));
        methods.forEach(m -> byKey.put("M" + m.name() + m.descriptor(), m));
    }

    String name() {
        return name;
    }

    /** Null only for java/lang/Object; an interface's is java/lang/Object, as in its class file. */
    String superName() {
        return superName;
    }

    List<String> interfaces() {
        return interfaces;
    }

    int access() {
        return access;
    }

    List<Member> fields() {
        return fields;
    }

    List<Member> methods() {
        return methods;
    }

    Origin origin() {
        return origin;
    }

    /** The loader its supertypes and references resolve through (null: the bootstrap loader). */
    ClassLoader loader() {
        return loader;
    }

    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    /** The host of its nest (internal name); itself when it names none. Asked only for private access. */
    String nestHost() {
        String host = nestHost.get();
        return host == null ? name : host;
    }

    Member method(String methodName, String descriptor) {
        return byKey.get("M" + methodName + descriptor);
    }

    Member field(String fieldName, String descriptor) {
        return byKey.get("F" + fieldName + " " + descriptor);
    }

    /** The package, as access checks compare it: {@code com/example}. */
    String packageName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }
}
