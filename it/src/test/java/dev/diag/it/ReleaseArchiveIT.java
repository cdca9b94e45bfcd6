package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diag.protocol.node.NodeRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * dist/target/diag-V.tar.gz installed as README says (tar -xzf, ln -s) into an empty directory,
 * and used from there with no checkout and no Maven repository in reach ({@link UnpackedRelease}):
 * the version, the demo, a JVM started with -javaagent:lib/diag-agent.jar, a call and a console
 * to it, and the class-data archive made on first use.
 */
class ReleaseArchiveIT {
    private static UnpackedRelease release;

    @BeforeAll
    static void unpack() throws Exception {
        release = UnpackedRelease.unpack();
    }

    @AfterAll
    static void remove() throws Exception {
        release.close();
    }

    @Test
    void archiveHoldsTheLauncherTheThreeJarsDocsAndLicences() throws Exception {
        Path install = release.install();
        assertTrue(Files.isExecutable(install.resolve("bin/diag")));
        assertEquals(List.of("diag-agent.jar", "diag-demo.jar", "diag-shell.jar"), UnpackedRelease.listing(install.resolve("lib")));
        assertTrue(Files.readString(install.resolve("LICENSE")).contains("Apache License"));
        String notice = Files.readString(install.resolve("NOTICE"));
        for (String library : List.of("Netty", "Jackson", "ASM", "JLine", "picocli", "BSD-3-Clause", "Apache License 2.0")) {
            assertTrue(notice.contains(library), "NOTICE names " + library + ":\n" + notice);
        }
        assertTrue(Files.isRegularFile(install.resolve("README.md")));
        assertTrue(Files.isRegularFile(install.resolve("docs/functions/memory.md")));
        assertFalse(UnpackedRelease.listing(install).stream().anyMatch(name -> name.endsWith(".jsa")),
                "no class-data archive made for the build machine's JDK");
    }

    @Test
    void everyEntryBelongsToRootWhoeverBuiltIt() throws Exception {
        Process tar = new ProcessBuilder("tar", "--numeric-owner", "-tvzf", UnpackedRelease.ARCHIVE.toString())
                .redirectErrorStream(true).start();
        List<String> entries = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(tar.waitFor(30, TimeUnit.SECONDS) && tar.exitValue() == 0, String.join("\n", entries));
        // tar -x as root keeps the recorded owner: a builder's uid could be another user on the host
        assertTrue(entries.size() > 10 && entries.stream().allMatch(e -> e.split(" +")[1].equals("0/0")),
                String.join("\n", entries));
    }

    @Test
    void versionNamesTheReleaseItsCommitAndTheJvm() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = release.diag(home, Map.of(), "--version");
            assertEquals(0, run.exit(), run.toString());
            List<String> lines = run.outLines();
            assertTrue(lines.get(0).matches("diag " + UnpackedRelease.VERSION.replace(".", "\\.")
                    + " \\(commit [0-9a-f]{12}(-dirty)?\\)"), run.toString());
            assertTrue(lines.get(1).startsWith("java " + Runtime.version().feature()), run.toString());
            assertEquals("", run.err());
        }
    }

    @Test
    void demoAnswersACallFromTheUnpackedArchive() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = release.diag(home, Map.of(), "demo", "--cmd", "memory()");
            assertEquals(0, run.exit(), run.toString());
            assertTrue(run.out().startsWith("AREA ") && run.out().lines().anyMatch(l -> l.matches("heap +\\S+ .*"))
                    && run.out().contains("COLLECTOR "), run.toString());
            assertEquals("", run.err(), "the class-data archive made meanwhile prints nothing");
        }
    }

    @Test
    void aJvmStartedWithTheUnpackedAgentAnswersACallAndAConsole() throws Exception {
        Path lib = release.install().resolve("lib");
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path log = home.path().resolve("target.log");
            Process target = release.process(home, List.of(Jdks.current().toString(), "-Xmx128m",
                    "-javaagent:" + lib.resolve("diag-agent.jar") + "=name=released",
                    "-jar", lib.resolve("diag-demo.jar").toString(), "--healthy"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitRegistered(home, target, log);
                DiagCli.Run run = release.diag(home, Map.of(), "--cmd", "memory(heap)", "--node", "released");
                assertEquals(0, run.exit(), run.toString());
                assertTrue(run.out().matches("\\d+ +\\(heap: .*\\)\\n"), run.toString());

                try (Tmux tmux = new Tmux(home, release.shellCommand("attach", "released"))) {
                    tmux.awaitText("(released@", 30);
                    tmux.line("memory(heap).");
                    String screen = tmux.awaitText(")2> ", 10);
                    assertTrue(screen.lines().anyMatch(l -> l.matches("\\d+ +\\(heap: .*\\)")), screen);
                    tmux.line("q().");
                    tmux.awaitConsoleEnded(10);
                }
                assertTrue(target.isAlive());
            } finally {
                target.destroy();
                target.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theFirstCallMakesAClassDataArchiveForThisJvmThatLaterCallsMap() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path freshHome = Files.createDirectory(home.path().resolve("fresh-home"));
            Path archive = firstCallMakesAnArchive(home, freshHome);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive.getParent())));
            assertTrue(loadsTheShellFromAnArchive(home, freshHome), "the shell's classes come from the archive");
        }
    }

    @Test
    void aClassDataArchiveAnotherUserOwnsIsNeverMapped() throws Exception {
        assumeTrue(System.getProperty("user.name").equals("root"), "only root can plant a file of another user; CI runs as root");
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path freshHome = Files.createDirectory(home.path().resolve("fresh-home"));
            Path archive = firstCallMakesAnArchive(home, freshHome);
            Files.setAttribute(archive, "unix:uid", 65534); // nobody's now, as if nobody had planted it
            assertFalse(loadsTheShellFromAnArchive(home, freshHome), "another user's archive would run their code");
        }
    }

    @Test
    void aDamagedOrForeignArchiveIsPassedOverSilentlyAndNothingPrintedChanges() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path freshHome = Files.createDirectory(home.path().resolve("fresh-home"));
            Path archive = firstCallMakesAnArchive(home, freshHome);
            List<DiagCli.Run> withArchive = visibleRuns(home, Map.of("HOME", freshHome.toString()));
            // no cache directory can be made under a regular file: no archive mapped, none made
            Path blocker = Files.writeString(home.path().resolve("not-a-directory"), "");
            List<DiagCli.Run> without = visibleRuns(home, Map.of("HOME", freshHome.toString(),
                    "XDG_CACHE_HOME", blocker.resolve("cache").toString()));
            assertEquals(without, withArchive, "the archive changes nothing anyone sees");

            byte[] made = Files.readAllBytes(archive);
            byte[] random = new byte[made.length];
            new java.util.Random(20).nextBytes(random);
            Map<String, byte[]> damages = new java.util.LinkedHashMap<>();
            damages.put("truncated", java.util.Arrays.copyOf(made, 1 << 20));
            damages.put("empty", new byte[0]);
            damages.put("random bytes", random);
            // made by the checkout's build for its own jar: another jar, perhaps another JDK
            damages.put("another build's", Files.readAllBytes(Repo.ROOT.resolve("shell/target/diag-shell.jsa")));
            for (Map.Entry<String, byte[]> damage : damages.entrySet()) {
                Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-------"));
                Files.write(archive, damage.getValue());
                assertEquals(without, visibleRuns(home, Map.of("HOME", freshHome.toString())),
                        "with a " + damage.getKey() + " archive");
                assertFalse(loadsTheShellFromAnArchive(home, freshHome), "a " + damage.getKey() + " archive is not mapped");
            }
        }
    }

    /**
     * What a user sees of three one-shot calls that need no node: help answered by the shell, a
     * call to a node that does not exist (exit 3, one sentence), and a call that does not parse.
     */
    private static List<DiagCli.Run> visibleRuns(DiagHomeDir home, Map<String, String> env) throws Exception {
        return List.of(release.diag(home, env, "--cmd", "help(memory)"),
                release.diag(home, env, "--cmd", "memory", "--node", "none"),
                release.diag(home, env, "--cmd", "memory(", "--node", "none"));
    }

    /** Runs diag once with HOME {@code freshHome}, waits for the archive made in the background, returns it. */
    private static Path firstCallMakesAnArchive(DiagHomeDir home, Path freshHome) throws Exception {
        DiagCli.Run first = release.diag(home, Map.of("HOME", freshHome.toString()), "--version");
        assertEquals(0, first.exit(), first.toString());
        release.awaitNoArchiveBeingMade(freshHome, 60);
        Path cache = freshHome.resolve(".cache/diag");
        List<String> made = UnpackedRelease.listing(cache);
        assertTrue(made.size() == 1 && made.get(0).matches("diag-shell-[0-9.-]+\\.jsa"), () -> "one archive and no "
                + ".failed file, which would hold why it could not be made: " + made);
        return cache.resolve(made.get(0));
    }

    /** Whether a one-shot call with HOME {@code freshHome} loads the shell's classes from a class-data archive. */
    private static boolean loadsTheShellFromAnArchive(DiagHomeDir home, Path freshHome) throws Exception {
        Path classLoads = Files.createTempFile(home.path(), "class-load", ".log");
        DiagCli.Run later = release.diag(home, Map.of("HOME", freshHome.toString(),
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLoads), "--cmd", "memory", "--node", "none");
        assertEquals(3, later.exit(), later.toString()); // no such node: the one-shot path ran all the same
        String loads = Files.readString(classLoads, StandardCharsets.ISO_8859_1); // not all of it UTF-8
        String quickArgs = loads.lines().filter(l -> l.contains(" dev.diag.shell.cli.QuickArgs source: ")).findFirst()
                .orElseThrow(() -> new AssertionError("QuickArgs was not loaded:\n" + later));
        return quickArgs.endsWith("source: shared objects file");
    }

    private static void awaitRegistered(DiagHomeDir home, Process target, Path log) throws Exception {
        NodeRegistry registry = new NodeRegistry(home.path().resolve("nodes"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (registry.lookup("released").filter(r -> r.pid() == target.pid()).isEmpty()) {
            if (!target.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the target with the unpacked agent did not register:\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }
}
