package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checkout's class-data archive (shell/pom.xml makes it for the build's JDK, bin/diag passes
 * it): mapped when that JDK runs the shell, and never passed to another, which runs as well,
 * prints the same, and gets an archive of its own in the user's cache. (A release's archive,
 * made on first use, and damaged archives: {@link ReleaseArchiveIT}.)
 */
class ShellArchiveIT {
    private static final Path BUILD_ARCHIVE = Repo.ROOT.resolve("shell/target/diag-shell.jsa");

    @Test
    void theBuildsArchiveIsMappedWhenTheBuildsJdkRunsTheShell() throws Exception {
        Path madeFor = Path.of(Files.readString(Repo.ROOT.resolve("shell/target/diag-shell.jsa.jdk")).strip());
        assumeTrue(Files.isSameFile(madeFor.resolve("bin/java"), Jdks.current()), "the build ran on another JDK than the tests");
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path freshHome = Files.createDirectory(home.path().resolve("fresh-home"));
            assertEquals(BUILD_ARCHIVE.toString(), archiveMapped(home, javaHome(Jdks.current()), freshHome));
            assertFalse(Files.exists(freshHome.resolve(".cache")), "nothing made in the user's cache");
        }
    }

    /**
     * A class the archive lacks makes the JVM open the shell's jar and read its 2,400-entry
     * directory (about 9 ms): neither a --cmd call nor a script piped to stdin may need one.
     */
    @Test
    void aOneShotCallAndAPipedScriptTakeNoClassFromTheJar() throws Exception {
        Path madeFor = Path.of(Files.readString(Repo.ROOT.resolve("shell/target/diag-shell.jsa.jdk")).strip());
        assumeTrue(Files.isSameFile(madeFor.resolve("bin/java"), Jdks.current()), "the build ran on another JDK than the tests");
        try (DiagHomeDir home = new DiagHomeDir()) {
            for (String stdin : new String[] {null, "memory\n"}) {
                Path log = Files.createTempFile(home.path(), "class-load", ".log");
                Map<String, String> env = Map.of("JAVA_HOME", javaHome(Jdks.current()).toString(),
                        "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
                DiagCli.Run run = stdin == null ? DiagCli.runWithEnv(home, env, "--cmd", "memory", "--node", "none")
                        : DiagCli.runWithInputAndEnv(home, stdin, env, "--node", "none");
                assertEquals(3, run.exit(), run::toString); // no such node: the one-shot path ran all the same
                List<String> fromTheJar = Files.readString(log, StandardCharsets.ISO_8859_1).lines()
                        .filter(line -> line.contains(" source: file:")).toList();
                assertEquals(List.of(), fromTheJar, (stdin == null ? "--cmd" : "a piped script") + " loaded from the jar");
            }
        }
    }

    @Test
    void anotherJdkRunsWithoutTheBuildsArchiveAndThenWithItsOwn() throws Exception {
        Path other = Jdks.requireModern();
        Path madeFor = Path.of(Files.readString(Repo.ROOT.resolve("shell/target/diag-shell.jsa.jdk")).strip());
        assumeFalse(Files.isSameFile(madeFor.resolve("bin/java"), other), "the build itself ran on " + other);
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path freshHome = Files.createDirectory(home.path().resolve("fresh-home"));
            Map<String, String> env = Map.of("JAVA_HOME", javaHome(other).toString(), "HOME", freshHome.toString());
            List<DiagCli.Run> first = visibleRuns(home, env); // starts making this JDK's archive meanwhile

            Path cache = freshHome.resolve(".cache/diag");
            awaitNoArchiveBeingMade(cache);
            List<String> made = listing(cache);
            assertTrue(made.size() == 1 && made.get(0).matches("diag-shell-[0-9.-]+\\.jsa"), made::toString);
            assertEquals(first, visibleRuns(home, env), "its own archive changes nothing anyone sees");
            assertEquals(cache.resolve(made.get(0)).toString(), archiveMapped(home, javaHome(other), freshHome));
        }
    }

    /** help answered by the shell, a node that does not exist (exit 3), a call that does not parse. */
    private static List<DiagCli.Run> visibleRuns(DiagHomeDir home, Map<String, String> env) throws Exception {
        return List.of(run(home, env, "--cmd", "help(memory)"),
                run(home, env, "--cmd", "memory", "--node", "none"),
                run(home, env, "--cmd", "memory(", "--node", "none"));
    }

    /**
     * The archive a one-shot call under {@code javaHome} maps its shell classes from (the JVM's own
     * -Xlog:cds names the file), or "" where QuickArgs came from the jar.
     */
    private static String archiveMapped(DiagHomeDir home, Path javaHome, Path freshHome) throws Exception {
        Path log = Files.createTempFile(home.path(), "class-load", ".log");
        DiagCli.Run run = run(home, Map.of("JAVA_HOME", javaHome.toString(), "HOME", freshHome.toString(),
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info,cds=info:file=" + log), "--cmd", "memory", "--node", "none");
        assertEquals(3, run.exit(), run.toString()); // no such node: the one-shot path ran all the same
        List<String> lines = Files.readString(log, StandardCharsets.ISO_8859_1).lines().toList();
        boolean shared = lines.stream().anyMatch(l -> l.endsWith(" dev.diag.shell.cli.QuickArgs source: shared objects file"));
        return !shared ? "" : lines.stream().filter(l -> l.contains("Opened archive ") || l.contains("Opened shared archive "))
                .map(l -> l.replaceAll(".* (/\\S+)\\.$", "$1"))
                .filter(name -> !name.contains("/lib/server/")).findFirst().orElse("?");
    }

    private static DiagCli.Run run(DiagHomeDir home, Map<String, String> env, String... args) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("XDG_CACHE_HOME", null); // HOME's cache: a fresh one per test
        return DiagCli.runWithEnv(home, all, args);
    }

    private static Path javaHome(Path java) {
        return java.getParent().getParent();
    }

    private static void awaitNoArchiveBeingMade(Path cache) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.isDirectory(cache) || listing(cache).stream().anyMatch(name -> name.endsWith(".making"))) {
            assertTrue(System.nanoTime() < deadline, () -> "no archive made in " + cache + " within 90 s");
            Thread.sleep(100);
        }
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
