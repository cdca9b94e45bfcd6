package dev.diag.agent.code;

import dev.diag.agent.probe.Reasons;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the class a name means to code defined by a loader, for one preflight: the class file of
 * that name in the set being loaded (it replaces the loaded one), else the loaded class, else the
 * class file the loader would find (a class not loaded yet, which the new code may load), else
 * nothing. Then resolves fields and methods through superclasses and superinterfaces as the JVM
 * does (JVMS 5.4.3). Each shape is read once per preflight.
 */
final class ShapeResolver {
    /** A shape, or why there is none: {@code unreadable} says why when the class exists but cannot be read. */
    record Lookup(ClassShape shape, String unreadable) {
        boolean missing() {
            return shape == null && unreadable == null;
        }
    }

    /** A member found, and the class that declares it. */
    record Found(ClassShape declaredBy, Member member) {
    }

    private static final int SIGNATURE_POLYMORPHIC = Modifier.NATIVE | 0x80; // native and varargs

    private final LoadedClasses loaded;
    private final Map<String, Candidate> set;
    private final Map<ClassLoader, Map<String, Lookup>> cache = new IdentityHashMap<>();

    /** {@code set}: the candidates by internal name ({@code com/example/Foo}). */
    ShapeResolver(LoadedClasses loaded, Map<String, Candidate> set) {
        this.loaded = loaded;
        this.set = set;
    }

    Lookup lookup(String internalName, ClassLoader from) {
        Map<String, Lookup> seen = cache.computeIfAbsent(from, l -> new HashMap<>());
        Lookup hit = seen.get(internalName);
        if (hit == null) {
            hit = find(internalName, from);
            seen.put(internalName, hit);
        }
        return hit;
    }

    private Lookup find(String internalName, ClassLoader from) {
        Candidate replacing = set.get(internalName);
        if (replacing != null) {
            return new Lookup(replacing.file().shape(), null);
        }
        Class<?> type = loaded.seenFrom(Words.className(internalName), from);
        if (type != null) {
            try {
                return new Lookup(LoadedShapes.of(type), null);
            } catch (RuntimeException | LinkageError e) {
                return new Lookup(null, "its members cannot be read (" + Reasons.of(e) + ")");
            }
        }
        URL resource = ClassBytes.resource(from, internalName);
        if (resource == null) {
            return new Lookup(null, null);
        }
        try {
            ClassShape read = ClassFileReader.read(ClassBytes.read(resource)).shape();
            return new Lookup(new ClassShape(read.name(), read.superName(), read.interfaces(), read.access(),
                    read.fields(), read.methods(), read::nestHost, ClassShape.Origin.CLASS_PATH, from), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Lookup(null, "its class file " + resource + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The loader a shape's own names resolve through: the defining loader of the class it is or replaces. */
    ClassLoader loaderOf(ClassShape type) {
        if (type.origin() == ClassShape.Origin.NEW) {
            Candidate candidate = set.get(type.name());
            return candidate == null ? null : candidate.loader();
        }
        return type.loader();
    }

    /** The field of {@code owner}: in it, its superinterfaces, then its superclass and so on (JVMS 5.4.3.2). */
    Found field(ClassShape owner, String name, String descriptor) {
        for (ClassShape type = owner; type != null; type = superOf(type)) {
            Member field = type.field(name, descriptor);
            if (field != null) {
                return new Found(type, field);
            }
            for (ClassShape implemented : interfacesOf(type)) {
                Member constant = implemented.field(name, descriptor);
                if (constant != null) {
                    return new Found(implemented, constant);
                }
            }
        }
        return null;
    }

    /**
     * The method of {@code owner}: in it and its superclasses, then its superinterfaces; for an
     * interface: in it, then Object's public methods, then its superinterfaces (JVMS 5.4.3.3-4).
     * MethodHandle's and VarHandle's signature-polymorphic methods match any descriptor.
     */
    Found method(ClassShape owner, String name, String descriptor) {
        if (owner.name().equals("java/lang/invoke/MethodHandle") || owner.name().equals("java/lang/invoke/VarHandle")) {
            for (Member method : owner.methods()) {
                if (method.name().equals(name) && (method.access() & SIGNATURE_POLYMORPHIC) == SIGNATURE_POLYMORPHIC) {
                    return new Found(owner, method);
                }
            }
        }
        if (owner.isInterface()) {
            Member own = owner.method(name, descriptor);
            if (own != null) {
                return new Found(owner, own);
            }
            ClassShape object = superOf(owner);
            Member inherited = object == null ? null : object.method(name, descriptor);
            if (inherited != null && Modifier.isPublic(inherited.access())) {
                return new Found(object, inherited);
            }
        } else {
            for (ClassShape type = owner; type != null; type = superOf(type)) {
                Member method = type.method(name, descriptor);
                if (method != null) {
                    return new Found(type, method);
                }
            }
        }
        for (ClassShape type = owner; type != null; type = superOf(type)) {
            for (ClassShape implemented : interfacesOf(type)) {
                Member method = implemented.method(name, descriptor);
                if (method != null && !Modifier.isPrivate(method.access()) && !Modifier.isStatic(method.access())) {
                    return new Found(implemented, method);
                }
            }
        }
        return null;
    }

    private ClassShape superOf(ClassShape type) {
        return type.superName() == null ? null : lookup(type.superName(), loaderOf(type)).shape();
    }

    /** Every superinterface of {@code type} itself (not of its superclasses), breadth first; unreadable ones skipped. */
    private List<ClassShape> interfacesOf(ClassShape type) {
        Set<String> seen = new HashSet<>();
        Deque<ClassShape> queue = new ArrayDeque<>();
        List<ClassShape> all = new ArrayList<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            ClassShape next = queue.poll();
            for (String name : next.interfaces()) {
                if (seen.add(name)) {
                    ClassShape implemented = lookup(name, loaderOf(next)).shape();
                    if (implemented != null) {
                        all.add(implemented);
                        queue.add(implemented);
                    }
                }
            }
        }
        return all;
    }
}
