package dev.diag.agent.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.UpgradeProblem;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which unloaded classes of a sent set join it, and in which loader. */
class NewClassesTest {
    @Test
    void aClassFoundInAJarJoinsOnlyWhenTheSetUsesItAndANamedOneWithoutALoaderIsRefused() throws Exception {
        Path old = Sources.compile(Map.of("p.Host", "package p; public class Host { static String v() { return \"1\"; } }"));
        Path fresh = Sources.compile(Map.of(
                "p.Host", "package p; public class Host { static String v() { return Used.v(); } }",
                "p.Used", "package p; class Used { static String v() { return Deeper.v(); } }",
                "p.Deeper", "package p; class Deeper { static String v() { return \"2\"; } }",
                "p.Unused", "package p; class Unused { }",
                "r.Lonely", "package r; public class Lonely { }"));
        try (URLClassLoader node = Sources.loader(old)) {
            Class<?> host = Class.forName("p.Host", false, node);
            List<Candidate> set = new ArrayList<>(List.of(new Candidate(host, read(fresh, "p.Host"), "Host.class")));
            List<UpgradeProblem> problems = new ArrayList<>();
            List<String> leftOut = new ArrayList<>();
            NewClasses.match(List.of(unloaded(fresh, "p.Used", true), unloaded(fresh, "p.Deeper", true),
                    unloaded(fresh, "p.Unused", true), unloaded(fresh, "r.Lonely", false)), set, problems, leftOut);

            assertEquals(List.of("p.Host", "p.Used", "p.Deeper"), set.stream().map(Candidate::className).toList());
            assertSame(node, set.get(2).loader());
            assertEquals(List.of("p.Unused"), leftOut);
            assertEquals(1, problems.size());
            assertEquals("no_loader", problems.get(0).kind());
            assertTrue(problems.get(0).message().startsWith("r.Lonely is not loaded in this node, and no loaded class of "
                    + "package r is in the set to give it a class loader"), problems.get(0)::message);
        }
    }

    private static ClassFile read(Path dir, String name) throws Exception {
        return ClassFileReader.read(Sources.classFile(dir, name));
    }

    private static NewClasses.Unloaded unloaded(Path dir, String name, boolean optional) throws Exception {
        return new NewClasses.Unloaded(read(dir, name), name + ".class", optional);
    }
}
