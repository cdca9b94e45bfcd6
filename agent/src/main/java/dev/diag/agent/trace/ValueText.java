package dev.diag.agent.trace;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A traced argument or result as one short line, made without running a line of app code: an
 * app's {@code toString}, {@code hashCode} or {@code size} may take locks (a real deadlock went
 * through a synchronized toString called from a log appender) or be slow. So: primitives and their
 * boxes, strings (cut), enums by name (Enum.name is final), arrays by type and length with a few
 * elements, a few plain JDK collections by type and size with a few elements, and everything else
 * by class and identity ({@code com.example.Order@1b6d3586}). JDK collections that lock or block
 * on {@code size} or iteration (synchronized wrappers, the concurrent queues) are shown by class
 * and identity too.
 */
final class ValueText {
    static final int MAX_STRING = 60;
    static final int ELEMENTS = 3;

    /** Unsynchronized JDK collections whose size() and iterator() are plain field reads: safe to look into. */
    private static final Set<String> PLAIN = Set.of("java.util.ArrayList", "java.util.LinkedList",
            "java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap", "java.util.LinkedHashSet",
            "java.util.TreeMap", "java.util.TreeSet", "java.util.ArrayDeque", "java.util.Arrays$ArrayList",
            "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$SetN", "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$MapN", "java.util.ImmutableCollections$Map1",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
            "java.util.Collections$SingletonMap", "java.util.concurrent.ConcurrentHashMap",
            "java.util.concurrent.CopyOnWriteArrayList");

    private ValueText() {
    }

    static String of(Object value) {
        return of(value, 1);
    }

    private static String of(Object value, int depth) {
        if (value == null) {
            return "null";
        }
        Class<?> type = value.getClass();
        if (value instanceof String s) {
            return quoted(s);
        }
        if (value instanceof Character c) {
            return "$" + c;
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == Boolean.class || type == Double.class || type == Float.class
                || type == java.math.BigInteger.class || type == java.math.BigDecimal.class) {
            return value.toString(); // the JDK's own final classes: no app code
        }
        if (value instanceof Enum<?> e) {
            return simpleName(e.getDeclaringClass()) + "." + e.name();
        }
        if (type.isArray()) {
            return array(value, type, depth);
        }
        if (PLAIN.contains(type.getName()) && type.getClassLoader() == null) {
            try {
                return depth > 0 ? collection(value, type, depth) : simpleName(type) + "(…)";
            } catch (RuntimeException e) { // changed under our feet by another thread
                return identity(value);
            }
        }
        return identity(value);
    }

    /** A throwable as {@code IllegalStateException: out of stock}: the message only when Throwable's own getMessage answers it. */
    static String thrown(Throwable thrown) {
        String name = thrown.getClass().getName();
        try {
            if (thrown.getClass().getMethod("getMessage").getDeclaringClass() == Throwable.class) {
                String message = thrown.getMessage();
                return message == null ? name : name + ": " + cut(message);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no message then
        }
        return name;
    }

    static String identity(Object value) {
        return value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value));
    }

    private static String array(Object value, Class<?> type, int depth) {
        int length = Array.getLength(value);
        StringBuilder text = new StringBuilder(simpleName(type.getComponentType())).append('[').append(length).append(']');
        if (depth > 0 && length > 0) {
            text.append('{');
            for (int i = 0; i < Math.min(ELEMENTS, length); i++) {
                text.append(i == 0 ? "" : ", ").append(of(Array.get(value, i), depth - 1));
            }
            text.append(length > ELEMENTS ? ", …}" : "}");
        }
        return text.toString();
    }

    private static String collection(Object value, Class<?> type, int depth) {
        Iterator<?> items = value instanceof Map<?, ?> map ? map.entrySet().iterator() : ((Collection<?>) value).iterator();
        int size = value instanceof Map<?, ?> map ? map.size() : ((Collection<?>) value).size();
        StringBuilder text = new StringBuilder(simpleName(type)).append('(').append(size).append(")[");
        for (int i = 0; i < ELEMENTS && items.hasNext(); i++) {
            Object item = items.next();
            text.append(i == 0 ? "" : ", ");
            if (item instanceof Map.Entry<?, ?> entry) {
                text.append(of(entry.getKey(), depth - 1)).append('=').append(of(entry.getValue(), depth - 1));
            } else {
                text.append(of(item, depth - 1));
            }
        }
        return text.append(size > ELEMENTS ? ", …]" : "]").toString();
    }

    private static String quoted(String s) {
        return "\"" + cut(s).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String cut(String s) {
        return s.length() <= MAX_STRING ? s : s.substring(0, MAX_STRING) + "…";
    }

    private static String simpleName(Class<?> type) {
        String name = type.getName();
        int dot = name.lastIndexOf('.');
        return type.isPrimitive() || name.startsWith("java.") ? name.substring(dot + 1)
                : type.isArray() ? simpleName(type.getComponentType()) + "[]" : name;
    }
}
