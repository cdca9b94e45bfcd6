package dev.diag.agent.code;

import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The node's loaded classes by name, from one {@code Instrumentation.getAllLoadedClasses()}
 * (a copy of the JVM's class list: a few ms at 20,000 classes, no pause). Hidden classes and
 * arrays are left out: they cannot be named, redefined or referenced by a class file.
 */
public final class LoadedClasses {
    private final Map<String, List<Class<?>>> byName;
    private final int count;

    private LoadedClasses(Map<String, List<Class<?>>> byName, int count) {
        this.byName = byName;
        this.count = count;
    }

    public static LoadedClasses of(Instrumentation instrumentation) {
        return of(instrumentation.getAllLoadedClasses());
    }

    /** An index of {@code all}, as if they were the node's loaded classes (tests, here and in the trace's package). */
    public static LoadedClasses of(Class<?>... all) {
        Map<String, List<Class<?>>> byName = new HashMap<>(all.length * 2);
        int count = 0;
        for (Class<?> type : all) {
            if (!type.isArray() && !type.isPrimitive() && !type.isHidden()) {
                byName.computeIfAbsent(type.getName(), n -> new ArrayList<>(1)).add(type);
                count++;
            }
        }
        return new LoadedClasses(byName, count);
    }

    /** Every loaded class named {@code className} ({@code com.example.Foo$Bar}), one per defining loader. */
    public List<Class<?>> named(String className) {
        return byName.getOrDefault(className, List.of());
    }

    /** How many classes are indexed. */
    public int count() {
        return count;
    }

    /** Every indexed class, in no order. */
    public List<Class<?>> all() {
        List<Class<?>> all = new ArrayList<>(count);
        byName.values().forEach(all::addAll);
        return all;
    }

    /**
     * The loaded class {@code className} as code defined by {@code from} sees it: the copy defined
     * by {@code from} or the nearest of its parents; failing that, the only copy; else null (not
     * loaded, or loaded only by loaders {@code from} does not delegate to).
     */
    public Class<?> seenFrom(String className, ClassLoader from) {
        List<Class<?>> copies = named(className);
        if (copies.size() == 1) {
            return copies.get(0);
        }
        for (ClassLoader loader = from; ; loader = loader.getParent()) {
            for (Class<?> copy : copies) {
                if (copy.getClassLoader() == loader) {
                    return copy;
                }
            }
            if (loader == null) {
                return null;
            }
        }
    }

    /**
     * A loader as people know it: {@code bootstrap}, {@code platform}, {@code app} (the JDK's three,
     * one of each), else its name or class and its identity, {@code PluginLoader@1b6d3586}.
     */
    public static String describe(ClassLoader loader) {
        if (loader == null) {
            return "bootstrap";
        }
        if ((loader == ClassLoader.getSystemClassLoader() || loader == ClassLoader.getPlatformClassLoader())
                && loader.getName() != null) {
            return loader.getName();
        }
        String name = loader.getName();
        return (name != null ? name : loader.getClass().getName()) + "@" + Integer.toHexString(System.identityHashCode(loader));
    }

    /** Where a class came from: its named module ({@code java.base}), else its code source's location. */
    public static String origin(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            return module.getName();
        }
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            return location == null ? null : location.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
