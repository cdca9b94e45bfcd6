package dev.diag.agent.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defining a set's new classes in the loader of a loaded class of their package, with a real URLClassLoader. */
class ClassDefinerTest {
    private static final String HOST = "package p; public class Host { }";

    @Test
    void aNewClassIsDefinedInItsPackagesLoaderAndAnOlderCopyOnTheClassPathNeverLoads() throws Exception {
        Path old = Sources.compile(Map.of("p.Host", HOST,
                "p.Helper", "package p; public class Helper { public static String v() { return \"OLD\"; } }"));
        Path fresh = Sources.compile(Map.of(
                "p.Helper", "package p; public class Helper { public static String v() { return \"NEW\"; } }"));
        try (URLClassLoader node = Sources.loader(old)) {
            Class<?> host = Class.forName("p.Host", false, node);
            Map<Candidate, Class<?>> defined = ClassDefiner.define(null, List.of(newClass(fresh, "p.Helper", host)),
                    new ArrayList<>());
            Class<?> helper = Class.forName("p.Helper", true, node);
            assertSame(defined.values().iterator().next(), helper);
            assertSame(node, helper.getClassLoader());
            assertEquals("NEW", helper.getMethod("v").invoke(null));
        }
    }

    @Test
    void aNewSuperclassIsDefinedBeforeItsSubclassWhateverTheOrderGiven() throws Exception {
        Path old = Sources.compile(Map.of("p.Host", HOST));
        Path fresh = Sources.compile(Map.of("p.Base", "package p; public class Base { }",
                "p.Derived", "package p; public class Derived extends Base { }"));
        try (URLClassLoader node = Sources.loader(old)) {
            Class<?> host = Class.forName("p.Host", false, node);
            Map<Candidate, Class<?>> defined = ClassDefiner.define(null,
                    List.of(newClass(fresh, "p.Derived", host), newClass(fresh, "p.Base", host)), new ArrayList<>());
            List<Class<?>> order = new ArrayList<>(defined.values());
            assertEquals(List.of("p.Base", "p.Derived"), order.stream().map(Class::getName).toList());
            assertSame(order.get(0), order.get(1).getSuperclass());
        }
    }

    @Test
    void aClassTheJvmRefusesToDefineNamesTheClassesDefinedBeforeItWhichStay() throws Exception {
        // q.Hidden is public where Bad was compiled, package-private where it runs
        Path old = Sources.compile(Map.of("p.Host", HOST, "q.Hidden", "package q; class Hidden { public Hidden() { } }"));
        Path fresh = Sources.compile(Map.of("p.Fine", "package p; public class Fine { }",
                "q.Hidden", "package q; public class Hidden { }",
                "p.Bad", "package p; public class Bad extends q.Hidden { }"));
        try (URLClassLoader node = Sources.loader(old)) {
            Class<?> host = Class.forName("p.Host", false, node);
            ClassDefiner.Failed failed = assertThrows(ClassDefiner.Failed.class, () -> ClassDefiner.define(null,
                    List.of(newClass(fresh, "p.Fine", host), newClass(fresh, "p.Bad", host)), new ArrayList<>()));
            assertEquals("p.Bad", failed.candidate.className());
            assertEquals(List.of("p.Fine"), failed.definedBefore.stream().map(Candidate::className).toList());
            assertTrue(failed.getCause() instanceof IllegalAccessError, failed.getCause()::toString);
            assertSame(node, Class.forName("p.Fine", false, node).getClassLoader());
        }
    }

    private static Candidate newClass(Path dir, String name, Class<?> host) throws Exception {
        return Candidate.defining(ClassFileReader.read(Sources.classFile(dir, name)), name + ".class", host);
    }
}
