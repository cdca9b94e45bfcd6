package dev.diag.agent.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.spy.TraceHook;
import dev.diag.spy.TraceSpy;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The woven class is loaded and run for real (the JVM verifies its frames): each hooked method
 * still does what it did, and the hook hears its arguments, its return value or its throwable.
 */
class WeaverTest {
    private final List<String> heard = new ArrayList<>();

    @AfterEach
    void noHook() {
        TraceSpy.install(null);
    }

    @Test
    void hookedMethodsRunAsBeforeAndReportArgumentsReturnsAndThrowables() throws Exception {
        Class<?> woven = weave(method -> true);
        TraceSpy.install(recorder());
        Object instance = woven.getConstructor().newInstance();

        assertEquals(5, call(woven, instance, "add", 2, 3));
        assertEquals(List.of("enter add", "arg 0 2", "arg 1 3", "return 5"), drain());

        assertEquals(33L, call(woven, null, "wide", 3L, 10.0, "abc"));
        assertEquals(List.of("enter wide", "arg 0 3", "arg 1 10.0", "arg 2 abc", "return 33"), drain());

        assertEquals("caught empty", call(woven, instance, "caught", ""));
        assertEquals("return caught empty", drain().get(2), "an exception caught inside is no exit");

        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> call(woven, instance, "fails", 7));
        assertEquals("code 7", thrown.getCause().getMessage(), "the app's own throwable goes on");
        assertEquals("threw java.lang.IllegalArgumentException", drain().get(2));

        assertEquals(null, call(woven, instance, "fails", 0));
        assertEquals("return void", drain().get(2));

        assertEquals(true, call(woven, instance, "flag", true, 'x', (byte) 1, (short) 2, 1.5f));
        assertEquals(List.of("enter flag", "arg 0 true", "arg 1 x", "arg 2 1", "arg 3 2", "arg 4 1.5", "return true"),
                drain());
    }

    @Test
    void aNullTokenRecordsNothingAndTheMethodStillRuns() throws Exception {
        Class<?> woven = weave(method -> true);
        TraceSpy.install(new Recorder(heard, false));
        Object instance = woven.getConstructor().newInstance();
        assertEquals(7, call(woven, instance, "add", 3, 4));
        assertEquals(List.of("enter add"), drain(), "beyond the limit: entry only, no argument boxed or reported");
    }

    @Test
    void onlyTheChosenMethodsAreHookedAndAClassWithNoneIsLeftAlone() throws Exception {
        Class<?> woven = weave(method -> method.equals("add"));
        TraceSpy.install(recorder());
        Object instance = woven.getConstructor().newInstance();
        call(woven, instance, "caught", "x");
        assertTrue(drain().isEmpty());
        call(woven, instance, "add", 1, 1);
        assertEquals(4, drain().size());
        assertNull(Weaver.weave(original(), choice(method -> false)));
    }

    private List<String> drain() {
        List<String> copy = List.copyOf(heard);
        heard.clear();
        return copy;
    }

    private TraceHook recorder() {
        return new Recorder(heard, true);
    }

    /** Records what the spy hands over; the token is the method's name. */
    private record Recorder(List<String> heard, boolean record) implements TraceHook {
        @Override
        public Object enter(int probe) {
            heard.add("enter " + NAMES.get(probe));
            return record ? NAMES.get(probe) : null;
        }

        @Override
        public void argument(Object call, int index, Object value) {
            heard.add("arg " + index + " " + value);
        }

        @Override
        public void returned(Object call, Object value) {
            heard.add("return " + (value == TraceSpy.VOID ? "void" : value));
        }

        @Override
        public void threw(Object call, Throwable thrown) {
            heard.add("threw " + thrown.getClass().getName());
        }
    }

    private static final List<String> NAMES = new ArrayList<>();

    private static Weaver.Choice choice(java.util.function.Predicate<String> wanted) {
        return new Weaver.Choice() {
            @Override
            public boolean wants(String method, String descriptor, int access) {
                return wanted.test(method);
            }

            @Override
            public int probe(String method, String descriptor) {
                NAMES.add(method);
                return NAMES.size() - 1;
            }
        };
    }

    private static Class<?> weave(java.util.function.Predicate<String> wanted) throws Exception {
        byte[] hooked = Weaver.weave(original(), choice(wanted));
        assertNotNull(hooked);
        return new ClassLoader(WeaverTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(Woven.class.getName(), hooked, 0, hooked.length);
            }
        }.define();
    }

    private static byte[] original() throws Exception {
        try (InputStream in = Woven.class.getResourceAsStream("Woven.class")) {
            return in.readAllBytes();
        }
    }

    private static Object call(Class<?> type, Object instance, String name, Object... args) throws Exception {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                return method.invoke(instance, args);
            }
        }
        throw new IllegalArgumentException(name);
    }
}
