package dev.diag.agent.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.UpgradeProblem;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The preflight on classes compiled by the test: version 1 is loaded in a class loader of its own
 * (the "node"), version 2 is the set to check. Each test names the change it makes.
 */
class PreflightTest {
    private static final String SHOP_V1 = """
            package shop;
            public class Pricing {
                private final int base;
                public Pricing(int base) { this.base = base; }
                public int price(int quantity) { return base * quantity; }
                public String label() { return Rules.describe(base); }
                public static final class Rules {
                    private Rules() { }
                    static String describe(int base) { return "base " + base; }
                }
            }
            """;

    @Test
    void passesAChangedMethodBody() throws Exception {
        Result result = preflight(SHOP_V1, SHOP_V1.replace("base * quantity", "base * quantity - 1"), "shop.Pricing");

        assertEquals(List.of(), result.problems, result::toString);
    }

    @Test
    void refusesANewLambdaByDefaultSinceItAddsAPrivateMethod() throws Exception {
        Result result = preflight(false, SHOP_V1, SHOP_V1.replace("return base * quantity;",
                "int b = base; java.util.function.IntUnaryOperator f = q -> q * b; return f.applyAsInt(quantity);"),
                "shop.Pricing");

        assertEquals(List.of("schema"), result.kinds(), result::toString);
        assertEquals("shop.Pricing adds method private static int lambda$price$0(int, int); the JVM cannot add methods "
                + "of a loaded class (since Java 13; a JVM started with -XX:+AllowRedefinitionToAddDeleteMethods can add "
                + "private static or private final ones); a lambda compiles to a private method of its class, so adding "
                + "or removing one changes the class's methods (one that uses this or a field is not even static)",
                result.problems.get(0).message());
    }

    @Test
    void passesANewStaticLambdaWhereTheJvmLetsPrivateMethodsBeAdded() throws Exception {
        Result result = preflight(true, SHOP_V1, SHOP_V1.replace("return base * quantity;",
                "int b = base; java.util.function.IntUnaryOperator f = q -> q * b; return f.applyAsInt(quantity);"),
                "shop.Pricing");

        assertEquals(List.of(), result.problems, result::toString);
    }

    @Test
    void refusesANewLambdaThatUsesThisEvenWhereTheJvmLetsPrivateMethodsBeAdded() throws Exception {
        Result result = preflight(true, SHOP_V1, SHOP_V1.replace("return base * quantity;",
                "java.util.function.IntUnaryOperator f = q -> q * base; return f.applyAsInt(quantity);"), "shop.Pricing");

        assertEquals(List.of("schema"), result.kinds(), result::toString);
        assertTrue(result.text().startsWith("shop.Pricing adds method private int lambda$price$0(int); even with "
                + "-XX:+AllowRedefinitionToAddDeleteMethods the JVM can add only private static or private final methods"),
                result::toString);
    }

    @Test
    void refusesAnAddedFieldInPlainWords() throws Exception {
        Result result = preflight(SHOP_V1, SHOP_V1.replace("private final int base;",
                "private final int base;\n    private int discount;"), "shop.Pricing");

        assertEquals(List.of("schema"), result.kinds(), result::toString);
        assertEquals("shop.Pricing adds field private int discount; the JVM cannot add, remove or change the fields "
                + "of a loaded class", result.problems.get(0).message());
    }

    @Test
    void refusesAnAddedPublicMethodAndARemovedOne() throws Exception {
        Result result = preflight(SHOP_V1, SHOP_V1.replace("public String label()", "public String title()"),
                "shop.Pricing");

        assertEquals(List.of("schema", "schema"), result.kinds(), result::toString);
        assertTrue(result.text().contains("shop.Pricing adds method public String title(); the JVM cannot add methods "
                + "of a loaded class"), result::toString);
        assertTrue(result.text().contains("shop.Pricing removes method public String label()"), result::toString);
    }

    @Test
    void refusesChangedModifiersSuperclassAndInterfaces() throws Exception {
        String changed = SHOP_V1.replace("public int price(int quantity)", "public synchronized int price(int quantity)")
                .replace("public class Pricing {", "public final class Pricing extends Number implements Runnable {\n"
                        + "public void run() { }\npublic int intValue() { return 0; }\npublic long longValue() { return 0; }\n"
                        + "public float floatValue() { return 0; }\npublic double doubleValue() { return 0; }");
        Result result = preflight(SHOP_V1, changed, "shop.Pricing");

        String text = result.text();
        assertTrue(text.contains("changes its superclass from java.lang.Object to java.lang.Number"), text);
        assertTrue(text.contains("changes the interfaces it implements from none to java.lang.Runnable"), text);
        assertTrue(text.contains("changes its class modifiers from public class to public final class"), text);
        assertTrue(text.contains("changes the modifiers of price(int) from public to public synchronized"), text);
    }

    @Test
    void newCodeCallingAMethodOnlyTheNewNestmateHasPassesOnlyWithItWhereTheJvmAddsPrivateMethods() throws Exception {
        String v2 = SHOP_V1.replace("return Rules.describe(base);", "return Rules.shout(base);")
                .replace("static String describe(int base) {", "private static String shout(int base) { return \"BASE \" + base; }\n"
                        + "        static String describe(int base) {");
        Path oldDir = Sources.compile(Map.of("shop.Pricing", SHOP_V1));
        Path newDir = Sources.compile(Map.of("shop.Pricing", v2));

        // together, in either order: the set has what the new Pricing calls
        assertEquals(List.of(), run(true, oldDir, newDir, List.of(), "shop.Pricing", "shop.Pricing$Rules").problems);
        assertEquals(List.of(), run(true, oldDir, newDir, List.of(), "shop.Pricing$Rules", "shop.Pricing").problems);

        // alone: the loaded Rules has no shout(int)
        Result alone = run(true, oldDir, newDir, List.of("shop.Pricing$Rules"), "shop.Pricing");
        assertEquals(List.of("missing_member"), alone.kinds(), alone::toString);
        assertEquals("Pricing.label() (Pricing.java:6) calls shop.Pricing$Rules.shout(int), which the loaded "
                + "shop.Pricing$Rules does not have; load a new shop.Pricing$Rules that has it in the same step",
                alone.problems.get(0).message());

        // by default the JVM adds no method at all, so the new Rules is refused too, and says why
        Result byDefault = run(false, oldDir, newDir, List.of(), "shop.Pricing$Rules", "shop.Pricing");
        assertEquals(List.of("schema"), byDefault.kinds(), byDefault::toString);
        assertTrue(byDefault.text().startsWith("shop.Pricing$Rules adds method private static String shout(int); the JVM "
                + "cannot add methods of a loaded class"), byDefault::toString);
    }

    @Test
    void reportsAClassTheNewCodeUsesThatExistsNowhere() throws Exception {
        String v2 = SHOP_V1.replace("return base * quantity;", "return new Discounts().apply(base * quantity);");
        Path oldDir = Sources.compile(Map.of("shop.Pricing", SHOP_V1));
        Path newDir = Sources.compile(Map.of("shop.Pricing", v2,
                "shop.Discounts", "package shop; public class Discounts { public int apply(int p) { return p; } }"));

        Result result = run(oldDir, newDir, "shop.Pricing");

        assertEquals(List.of("missing_class"), result.kinds(), result::toString);
        assertTrue(result.text().startsWith("Pricing.price(int) (Pricing.java:5) uses class shop.Discounts, which is "
                + "neither in this set nor loaded"), result::toString);
    }

    @Test
    void aClassNotLoadedYetButOnTheClassPathIsFine() throws Exception {
        String v2 = SHOP_V1.replace("return base * quantity;", "return new Discounts().apply(base * quantity);");
        String discounts = "package shop; public class Discounts { public int apply(int p) { return p; } }";
        Path oldDir = Sources.compile(Map.of("shop.Pricing", SHOP_V1, "shop.Discounts", discounts));
        Path newDir = Sources.compile(Map.of("shop.Pricing", v2, "shop.Discounts", discounts));

        assertEquals(List.of(), run(oldDir, newDir, "shop.Pricing").problems);
    }

    @Test
    void reportsAStaticUseOfAnInstanceMethodAndAPrivateMemberOutsideItsNest() throws Exception {
        String helperV1 = "package shop; public class Helper { public int twice(int x) { return 2 * x; } "
                + "private int secret() { return 7; } }";
        String helperAsCompiledAgainst = "package shop; public class Helper { public static int twice(int x) { return 2 * x; } "
                + "public int secret() { return 7; } }";
        String user = SHOP_V1.replace("return base * quantity;",
                "return Helper.twice(base) * quantity + new Helper().secret();");
        Path oldDir = Sources.compile(Map.of("shop.Pricing", SHOP_V1, "shop.Helper", helperV1));
        Path against = Sources.compile(Map.of("shop.Helper", helperAsCompiledAgainst));
        Path newDir = Sources.compile(Map.of("shop.Pricing", user), against);

        Result result = run(oldDir, newDir, "shop.Pricing");

        assertEquals(List.of("missing_member", "access"), result.kinds(), result::toString);
        assertTrue(result.text().contains("calls shop.Helper.twice(int) as a static member, but shop.Helper (not loaded "
                + "yet; its class file on the class path) declares it not static"), result::toString);
        assertTrue(result.text().contains("calls shop.Helper.secret(), which is private to shop.Helper and "
                + "shop.Pricing is not its nestmate"), result::toString);
    }

    @Test
    void theSameSourceCompiledAgainMatchesTheLoadedClassesOfEveryKind() throws Exception {
        Map<String, String> kinds = Map.of(
                "kinds.Colour", "package kinds; public enum Colour { RED, GREEN { public String toString() { return \"g\"; } } }",
                "kinds.Point", "package kinds; public record Point(int x, int y) implements java.io.Serializable { "
                        + "public Point { if (x < 0) throw new IllegalArgumentException(); } }",
                "kinds.Shape", "package kinds; public interface Shape extends Comparable<Shape> { double area(); "
                        + "default int compareTo(Shape o) { return Double.compare(area(), o.area()); } "
                        + "static Shape unit() { return () -> 1.0; } }",
                "kinds.Tag", "package kinds; @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) "
                        + "public @interface Tag { String value() default \"\"; }",
                "kinds.Box", "package kinds; import java.util.function.*; public abstract class Box<T extends Comparable<T>> "
                        + "implements Supplier<T> { protected volatile transient T value; private static int count; "
                        + "public abstract T get(); public final synchronized void put(T v) { value = v; count++; } "
                        + "@SafeVarargs public static <E> java.util.List<E> of(E... items) { return java.util.List.of(items); } "
                        + "protected class Inner { private int n; } private static class Nested { } "
                        + "static final class IntBox extends Box<Integer> { public Integer get() { return value; } } }");
        Path oldDir = Sources.compile(kinds);
        Path newDir = Sources.compile(kinds);
        List<String> classes = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(oldDir)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .forEach(f -> classes.add(oldDir.relativize(f).toString().replace('/', '.').replace(".class", "")));
        }

        Result result = run(oldDir, newDir, classes.toArray(String[]::new));

        assertEquals(List.of(), result.problems, result::toString);
        assertTrue(classes.size() >= 9, classes::toString);
    }

    private static Result preflight(String v1, String v2, String... classes) throws Exception {
        return preflight(false, v1, v2, classes);
    }

    private static Result preflight(boolean privateMethodsMayChange, String v1, String v2, String... classes)
            throws Exception {
        return run(privateMethodsMayChange, Sources.compile(Map.of("shop.Pricing", v1)),
                Sources.compile(Map.of("shop.Pricing", v2)), List.of(), classes);
    }

    private static Result run(Path oldDir, Path newDir, String... classes) throws Exception {
        return run(false, oldDir, newDir, List.of(), classes);
    }

    /**
     * Loads the classes of {@code oldDir} that the set names, and {@code alsoLoaded}, then checks
     * the set read from {@code newDir}; the other classes of {@code oldDir} are on the class path only.
     */
    private static Result run(boolean privateMethodsMayChange, Path oldDir, Path newDir, List<String> alsoLoaded,
            String... classes) throws Exception {
        try (URLClassLoader node = Sources.loader(oldDir)) {
            List<Class<?>> loaded = new ArrayList<>();
            for (String name : alsoLoaded) {
                loaded.add(Class.forName(name, false, node));
            }
            List<Candidate> set = new ArrayList<>();
            for (String name : classes) {
                Class<?> target = Class.forName(name, false, node);
                loaded.add(target);
                set.add(new Candidate(target, ClassFileReader.read(Sources.classFile(newDir, name)), name + ".class"));
            }
            loaded.add(Object.class);
            loaded.add(String.class);
            Preflight.Result result = Preflight.run(set, LoadedClasses.of(loaded.toArray(Class<?>[]::new)),
                    privateMethodsMayChange);
            return new Result(result.problems(), result.notes());
        }
    }

    private record Result(List<UpgradeProblem> problems, List<String> notes) {
        List<String> kinds() {
            return problems.stream().map(UpgradeProblem::kind).toList();
        }

        String text() {
            return problems.stream().map(UpgradeProblem::message).collect(Collectors.joining("\n"));
        }
    }
}
