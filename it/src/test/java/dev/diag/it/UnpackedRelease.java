package dev.diag.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The release archive installed as the README says, in a fresh temporary directory:
 * <pre>
 *   DIR/download/diag-V.tar.gz    the archive alone, copied from dist/target
 *   DIR/opt/diag-V/               unpacked there with tar
 *   DIR/bin/diag                  an absolute link to opt/diag-V/bin/diag (ln -s, as ~/.local/bin/diag)
 *   DIR/path/diag                 a relative link to ../bin/diag: a chain the launcher must follow
 *   DIR/home, DIR/work            HOME (so ~/.m2 and ~/.cache are not the build's), the working directory
 * </pre>
 * Every process runs from DIR/work with that HOME. Where a mount namespace can be made (root,
 * as in CI), it runs inside one where the checkout and the build's ~/.m2 are covered by empty
 * file systems: anything that still resolved into the build would then fail, not silently work.
 */
final class UnpackedRelease implements AutoCloseable {
    static final String VERSION = System.getProperty("diag.version");
    static final Path ARCHIVE = Repo.ROOT.resolve("dist/target/diag-" + VERSION + ".tar.gz");

    private final Path dir;
    private final Path install;
    private final Path linked;
    private final Path home;
    private final Path work;
    private final List<String> sandbox;

    private UnpackedRelease(Path dir, List<String> sandbox) {
        this.dir = dir;
        this.install = dir.resolve("opt/diag-" + VERSION);
        this.linked = dir.resolve("path/diag");
        this.home = dir.resolve("home");
        this.work = dir.resolve("work");
        this.sandbox = sandbox;
    }

    static UnpackedRelease unpack() throws IOException, InterruptedException {
        if (VERSION == null || !Files.isRegularFile(ARCHIVE)) {
            throw new IllegalStateException(ARCHIVE + " is missing: run through 'mvn verify', which packages dist first");
        }
        Path dir = Files.createTempDirectory("diag-release");
        for (String sub : List.of("download", "opt", "bin", "path", "home", "work")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Path copy = Files.copy(ARCHIVE, dir.resolve("download").resolve(ARCHIVE.getFileName()));
        UnpackedRelease release = new UnpackedRelease(dir, List.of());
        release.check(new ProcessBuilder("tar", "-xzf", copy.toString(), "-C", dir.resolve("opt").toString()));
        Files.createSymbolicLink(dir.resolve("bin/diag"), release.install.resolve("bin/diag"));
        Files.createSymbolicLink(release.linked, Path.of("../bin/diag"));
        List<String> sandbox = hidingTheBuild();
        return sandbox.isEmpty() ? release : new UnpackedRelease(dir, sandbox);
    }

    /** The unpacked diag-V/ directory. */
    Path install() {
        return install;
    }

    Path home() {
        return home;
    }

    /** Whether the processes run with the checkout and ~/.m2 hidden (a mount namespace could be made). */
    boolean sandboxed() {
        return !sandbox.isEmpty();
    }

    /** Runs {@code diag ARGS} through the chain of links, as a user would; {@code env} overrides the environment. */
    DiagCli.Run diag(DiagHomeDir diagHome, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(linked.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = process(diagHome, command);
        builder.environment().putAll(env);
        Path out = Files.createTempFile(diagHome.path(), "out", ".txt");
        Path err = Files.createTempFile(diagHome.path(), "err", ".txt");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("diag " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new DiagCli.Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code command} as a process of this installation: its working directory, HOME and sandbox, and the test's DIAG_HOME. */
    ProcessBuilder process(DiagHomeDir diagHome, List<String> command) {
        List<String> full = new ArrayList<>(sandbox);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(work.toFile());
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.remove("XDG_CACHE_HOME");
        env.remove("CLASSPATH");
        env.remove("COLUMNS");
        env.remove("DIAG_COOKIE_FILE");
        env.put("DIAG_HOME", diagHome.path().toString());
        env.put("DIAG_DIRECTORY_PORT", Integer.toString(diagHome.directoryPort()));
        return builder;
    }

    /** {@code diag ARGS} as one sh command line for a tmux pane: the same directory, HOME and sandbox as {@link #process}. */
    String shellCommand(String... args) {
        List<String> command = new ArrayList<>(sandbox);
        command.add(linked.toString());
        command.addAll(List.of(args));
        String inner = "unset XDG_CACHE_HOME DIAG_COOKIE_FILE COLUMNS CLASSPATH; cd " + quoted(work.toString()) + " && exec "
                + String.join(" ", command.stream().map(UnpackedRelease::quoted).toList());
        return "HOME=" + quoted(home.toString()) + " sh -c " + quoted(inner);
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Waits until no class-data archive is being made in HOME's cache (a first call starts one in the background). */
    void awaitNoArchiveBeingMade(Path home, int seconds) throws IOException, InterruptedException {
        Path cache = home.resolve(".cache/diag");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (Files.isDirectory(cache) && listing(cache).stream().anyMatch(name -> name.endsWith(".making"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a class-data archive was still being made in " + cache + " after " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * The prefix that runs a command in a new mount namespace with the checkout and ~/.m2 covered
     * by empty tmpfs mounts; empty where that cannot be done (not root, no unshare).
     */
    private static List<String> hidingTheBuild() throws IOException, InterruptedException {
        List<String> prefix = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "while [ \"$1\" != -- ]; do mount -t tmpfs -o size=1m hidden \"$1\" || exit 125; shift; done; shift; exec \"$@\"",
                "hide-the-build", Repo.ROOT.toString()));
        Path m2 = Path.of(System.getProperty("user.home"), ".m2");
        if (Files.isDirectory(m2)) {
            prefix.add(m2.toString());
        }
        prefix.add("--");
        List<String> probe = new ArrayList<>(prefix);
        probe.addAll(List.of("test", "!", "-e", Repo.DIAG.toString()));
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean hidden = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
            if (!hidden) {
                process.destroyForcibly();
                System.err.println("ReleaseArchiveIT: cannot make a mount namespace here; the checkout stays visible");
            }
            return hidden ? prefix : List.of();
        } catch (IOException e) {
            return List.of(); // no unshare
        }
    }

    private void check(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        awaitNoArchiveBeingMade(home, 60);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
