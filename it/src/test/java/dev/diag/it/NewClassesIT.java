package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hot-fix that makes loaded classes start using classes the node has not loaded ({@link
 * FixCode}), on JDK 17 and on a JDK 21+ target (25 here), one target each: a new class without a
 * loaded class of its package is refused; the fix loads in one step in either order, and an older
 * copy of the helper on the class path does not win; rollback restores the loaded classes and
 * leaves the new ones defined; a patch jar and a build directory change only what differs; a set the JVM refuses to
 * define, or to redefine once its new classes are defined, leaves every loaded class as it was.
 * And the fix in an app of one named module, whose package diag opens to itself to define the new
 * class there, saying so.
 */
class NewClassesIT {
    private static final String NODE = "fix";

    @ParameterizedTest(name = "on JDK {0}")
    @ValueSource(strings = {"17", "21+"})
    void aLoadedClassStartsUsingANewHelperInOneStep(String jdk) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path v1 = LiveCode.compile(home.path().resolve("v1"), FixCode.sources(1));
            Path v2 = LiveCode.compile(home.path().resolve("v2"), FixCode.sources(2));
            Path v3 = LiveCode.compile(home.path().resolve("v3"), FixCode.sources(3));
            Path java = jdk.equals("17") ? Jdks.current() : Jdks.requireModern();
            try (TargetJvm target = TargetJvm.start(java, home, NODE, "", v1.toString(), FixCode.MAIN)) {
                target.awaitLine("tick G=hello world F=bye");

                // a new class alone: no loaded class of its package in the set to give it a loader
                DiagCli.Run alone = load(home, file(v2, "fix.Names"));
                assertEquals(1, alone.exit(), alone::toString);
                assertTrue(alone.err().contains("fix.Names is not loaded in this node, and no loaded class of package "
                        + "fix is in the set to give it a class loader"), alone::toString);

                // the check alone sees the new class as part of the set, and changes nothing
                DiagCli.Run check = DiagCli.run(home, "load", "--check", "--node", NODE, file(v2, "fix.Greeter"),
                        file(v2, "fix.Names"));
                assertEquals(0, check.exit(), check::toString);
                assertTrue(check.out().startsWith("check passed: 2 classes would load in one step"), check::toString);
                assertTrue(check.out().lines().anyMatch(l -> l.matches("fix\\.Names +would_define .*")), check::toString);
                assertEquals("false: fix.Names is not loaded", text(home, "code:is_loaded(fix.Names)"));

                // the fix: the loaded Greeter starts calling the new Names; the OLD Names on the class path never runs
                DiagCli.Run fix = load(home, file(v2, "fix.Greeter"), file(v2, "fix.Names"));
                assertEquals(0, fix.exit(), fix::toString);
                assertTrue(fix.out().startsWith("loaded 2 classes in one step, 1 of them new"), fix::toString);
                assertTrue(fix.out().lines().anyMatch(l -> l.matches("fix\\.Names +defined .*")), fix::toString);
                target.awaitLine("tick G=hello WORLD F=bye");
                String which = text(home, "code:which(fix.Names)");
                assertTrue(which.contains("  defined   by diag load from " + file(v2, "fix.Names") + ", not from the file "
                        + "above, which l would read in its place"), which);
                // the other order, the new class first; the OLD Titles on the class path does not win either
                DiagCli.Run other = load(home, file(v2, "fix.Titles"), file(v2, "fix.Farewell"));
                assertEquals(0, other.exit(), other::toString);
                target.awaitLine("tick G=hello WORLD F=bye Dr");
                assertFalse(target.output().contains("OLD"), "an older helper on the class path ran");

                DiagCli.Run back = DiagCli.run(home, "--node", NODE, "--cmd",
                        "code:rollback([fix.Greeter, fix.Names, fix.Farewell, fix.Titles])");
                assertEquals(0, back.exit(), back::toString);
                assertTrue(back.out().startsWith("rolled back 2 classes in one step"), back::toString);
                assertTrue(back.out().contains("2 classes diag defined stay defined, unused"), back::toString);
                target.awaitLine("tick G=hello world F=bye");

                // a patch jar: Greeter as it runs now (v1 again), Farewell changed
                Map<Path, String> patch = new LinkedHashMap<>();
                patch.put(v1, "fix.Greeter");
                patch.put(v3, "fix.Farewell");
                DiagCli.Run jar = load(home, FixCode.jar(home.path().resolve("patch.jar"), patch).toString());
                assertEquals(0, jar.exit(), jar::toString);
                assertTrue(jar.out().startsWith("loaded 1 class in one step"), jar::toString);
                assertTrue(jar.out().contains("; 1 unchanged"), jar::toString);
                assertTrue(jar.out().lines().anyMatch(l -> l.matches("fix\\.Greeter +unchanged .*patch\\.jar!/fix/Greeter\\.class")),
                        jar::toString);
                target.awaitLine("tick G=hello world F=bye for now");

                // a build directory: only Farewell differs from what runs; other.Base, not loaded and unused, is left out
                DiagCli.Run undo = DiagCli.run(home, "--node", NODE, "--cmd", "code:rollback(fix.Farewell)");
                assertEquals(0, undo.exit(), undo::toString);
                target.awaitLine("tick G=hello world F=bye\n");
                DiagCli.Run dir = load(home, v3.toString());
                assertEquals(0, dir.exit(), dir::toString);
                assertTrue(dir.out().startsWith("loaded 1 class in one step"), dir::toString);
                assertTrue(dir.out().contains("; 4 unchanged"), dir::toString);
                for (String same : List.of("fix.FixTarget", "fix.Greeter", "fix.Names", "fix.Titles")) {
                    assertTrue(dir.out().lines().anyMatch(l -> l.matches(same.replace(".", "\\.") + " +unchanged .*")),
                            dir::toString);
                }
                assertTrue(dir.out().contains("left out: other.Base"), dir::toString);
                target.awaitLine("tick G=hello world F=bye for now");

                // the JVM refuses to define Sub (its superclass is package-private here): Greeter stays as it was
                DiagCli.Run refused = load(home, file(v2, "fix.Greeter"), file(v2, "fix.Sub"));
                assertEquals(1, refused.exit(), refused::toString);
                assertTrue(refused.err().contains("the JVM refused to define fix.Sub (a class that cannot be linked: class "
                        + "fix.Sub cannot access its superclass other.Base"), refused::toString);
                assertTrue(refused.err().contains("refused; nothing was changed. 1 problem:"), refused::toString);
                assertTrue(refused.err().contains("no class was redefined"), refused::toString);
                int before = target.output().length();
                target.awaitLineAfter(before, "tick G=hello world F=bye for now");
                assertEquals("false: fix.Sub is not loaded", text(home, "code:is_loaded(fix.Sub)"));

                // the JVM defines Greeter$Inner, then refuses to redefine Greeter (a new nest member): Greeter stays as
                // it was, and Inner stays defined, unused, as the message says
                Path v4 = LiveCode.compile(home.path().resolve("v4"), FixCode.sources(4));
                DiagCli.Run nest = load(home, file(v4, "fix.Greeter"), file(v4, "fix.Greeter$Inner"));
                assertEquals(1, nest.exit(), nest::toString);
                assertTrue(nest.err().contains("refused; no loaded class was changed, but 1 new class stays defined, "
                        + "unused. 1 problem:"), nest::toString);
                assertTrue(nest.err().contains("the JVM refused to redefine fix.Greeter ("), nest::toString);
                assertTrue(nest.err().contains("; fix.Greeter$Inner, defined for this load, stays defined and unused: a "
                        + "JVM cannot undo the definition of a class"), nest::toString);
                before = target.output().length();
                target.awaitLineAfter(before, "tick G=hello world F=bye for now");
                assertFalse(target.output().contains("hello inner"), "the refused Greeter ran");
            }
        }
    }

    @Test
    void aNewClassInAPackageOfANamedModuleOpensThatPackageToDiagAndSaysSo() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path v1 = LiveCode.compile(home.path().resolve("m1"), FixCode.modular(1));
            Path v2 = LiveCode.compile(home.path().resolve("m2"), FixCode.modular(2));
            try (TargetJvm target = TargetJvm.startModule(Jdks.current(), home, NODE, v1.toString(), "shop/shop.App")) {
                target.awaitLine("tick hello world");

                DiagCli.Run fix = load(home, file(v2, "shop.Greeter"), file(v2, "shop.Names"));
                assertEquals(0, fix.exit(), fix::toString);
                assertTrue(fix.out().startsWith("loaded 2 classes in one step, 1 of them new"), fix::toString);
                assertTrue(fix.out().contains("note: opened package shop of module shop to diag to define shop.Names in "
                        + "it (a module change the JVM keeps until it exits)"), fix::toString);
                target.awaitLine("tick hello WORLD");
                assertTrue(text(home, "code:which(shop.Names)").contains("  origin    shop"));
            }
        }
    }

    private static String file(Path versionDir, String className) {
        return LiveCode.classFile(versionDir, className).toString();
    }

    private static DiagCli.Run load(DiagHomeDir home, String... files) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("load", "--node", NODE));
        args.addAll(List.of(files));
        return DiagCli.run(home, args.toArray(String[]::new));
    }

    private static String text(DiagHomeDir home, String call) throws Exception {
        return new NodeCalls(home, NODE).text(call).strip();
    }
}
