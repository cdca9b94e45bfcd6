package dev.diag.agent.probe.logging;

import java.lang.reflect.Method;

/**
 * The one way the logging adapters call the app's logging classes: a public method found on the
 * object's class (or a static one on a class), made accessible for an implementation class that is
 * not public (the app's classes live in unnamed modules, open to all), its own exceptions unwrapped.
 */
final class Reflection {
    private Reflection() {
    }

    static Object call(Object target, String method, Class<?>[] types, Object... args)
            throws ReflectiveOperationException {
        return invoke(target.getClass().getMethod(method, types), target, args);
    }

    static Object call(Object target, String method) throws ReflectiveOperationException {
        return call(target, method, new Class<?>[0]);
    }

    static Object callStatic(Class<?> type, String method, Class<?>[] types, Object... args)
            throws ReflectiveOperationException {
        return invoke(type.getMethod(method, types), null, args);
    }

    /** A class of the app's, as the loader that loaded {@code neighbour} sees it; not initialized here. */
    static Class<?> near(Object neighbour, String name) throws ClassNotFoundException {
        return Class.forName(name, false, neighbour.getClass().getClassLoader());
    }

    private static Object invoke(Method m, Object target, Object[] args) throws ReflectiveOperationException {
        m.trySetAccessible();
        return m.invoke(target, args);
    }

    /** The level object's name, as the framework prints it (its toString), or null. */
    static String text(Object level) {
        return level == null ? null : level.toString();
    }
}
