package dev.diag.agent.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diag.agent.code.LoadedClasses;
import dev.diag.agent.functions.FunctionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceTargetsTest {
    interface Shape {
        double area();
    }

    abstract static class Polygon implements Shape {
        abstract int sides();
    }

    static final class Square extends Polygon {
        @Override
        public double area() {
            return 4;
        }

        @Override
        int sides() {
            return 4;
        }
    }

    static final class Circle implements Shape {
        @Override
        public double area() {
            return 3;
        }
    }

    static final class Unrelated {
        double area() {
            return 0;
        }
    }

    static class Crate {
        double weight() {
            return 1;
        }
    }

    static final class HeavyCrate extends Crate {
    }

    private static final LoadedClasses LOADED = LoadedClasses.of(Shape.class, Polygon.class, Square.class,
            Circle.class, Unrelated.class, Crate.class, HeavyCrate.class, java.time.LocalDate.class);

    @Test
    void anInterfaceTracesItsLoadedImplementationsAndWatchesForMoreBelowIt() throws Exception {
        TraceTargets targets = resolve(Shape.class.getName(), "area", type -> true);
        assertEquals(Set.of(Square.class, Circle.class), Set.copyOf(targets.classes()));
        // a class loaded later below any of them is hooked as it loads
        assertEquals(Set.of(internal(Shape.class), internal(Polygon.class), internal(Square.class), internal(Circle.class)),
                targets.supertypes());
    }

    @Test
    void aConcreteClassIsTracedAloneAndWatchesForNothingElse() throws Exception {
        TraceTargets targets = resolve(Circle.class.getName(), "area", type -> true);
        assertEquals(List.of(Circle.class), targets.classes());
        assertEquals(Set.of(), targets.supertypes());
    }

    @Test
    void anImplementationThatCannotBeTracedIsLeftOutWithANote() throws Exception {
        TraceTargets targets = resolve(Shape.class.getName(), "area", type -> type != Circle.class);
        assertEquals(List.of(Square.class), targets.classes());
        assertTrue(targets.notes().get(0).startsWith(Circle.class.getName() + " left out"), targets.notes()::toString);
    }

    @Test
    void aMissingClassOrMethodNamesTheNearestLoadedOnes() {
        // (diag's own classes, these tests' included, are never suggested: a JDK class is)
        FunctionException noClass = assertThrows(FunctionException.class,
                () -> resolve("java.time.LocalDat", "now", type -> true));
        assertTrue(noClass.getMessage().contains("nearest: java.time.LocalDate"), noClass.getMessage());
        FunctionException noMethod = assertThrows(FunctionException.class,
                () -> resolve(Square.class.getName(), "aera", type -> true));
        assertTrue(noMethod.getMessage().contains("has no method aera; nearest: area/0"), noMethod.getMessage());
    }

    @Test
    void anInheritedMethodNamesTheClassWhoseCodeRuns() {
        FunctionException inherited = assertThrows(FunctionException.class,
                () -> resolve(HeavyCrate.class.getName(), "weight", type -> true));
        assertTrue(inherited.getMessage().contains("inherits weight from " + Crate.class.getName()),
                inherited.getMessage());
    }

    @Test
    void anAbstractMethodWithNoImplementationLoadedIsStillWatchedFor() throws Exception {
        TraceTargets targets = resolve(Polygon.class.getName(), "sides", type -> type != Square.class);
        assertEquals(List.of(), targets.classes());
        assertTrue(targets.supertypes().contains(internal(Polygon.class)));
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static TraceTargets resolve(String className, String method, java.util.function.Predicate<Class<?>> ok)
            throws Exception {
        List<JsonNode> args = new ArrayList<>();
        new ObjectMapper().readTree("[\"" + className + "\", \"" + method + "\", 1]").forEach(args::add);
        return TraceTargets.resolve(LOADED, TraceSpec.parse(args), ok);
    }
}
