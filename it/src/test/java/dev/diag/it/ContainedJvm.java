package dev.diag.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A JVM in a container made with {@code unshare}, as a container runtime makes one: its own pid
 * namespace (it is pid 1 there), mount namespace with a private tmpfs on /tmp and its home in
 * it, and network namespace (its own loopback, which the host cannot reach). Started without the
 * agent, to be injected from the host. Needs root (or unprivileged user namespaces, not used here).
 */
public final class ContainedJvm implements AutoCloseable {
    private final Process unshare;
    private final long pid;
    private final Path output;

    private ContainedJvm(Process unshare, long pid, Path output) {
        this.unshare = unshare;
        this.pid = pid;
        this.output = output;
    }

    /** Why containers cannot be made here; empty when they can. */
    public static Optional<String> unavailable() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("unshare", "--fork", "--pid", "--mount", "--net", "--mount-proc", "true")
                .redirectErrorStream(true).start();
        String said = new String(probe.getInputStream().readAllBytes()).strip();
        return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0 ? Optional.empty()
                : Optional.of("unshare cannot make pid, mount and network namespaces here (" + said
                        + "); run the tests as root, as CI does");
    }

    /**
     * Starts the idle fixture in a container, as the numeric {@code user} and its same-numbered
     * group (null: as root), and waits for it.
     * {@code jvmArgs} go before the class path.
     */
    public static ContainedJvm start(Path home, String user, List<String> jvmArgs) throws IOException, InterruptedException {
        Path output = Files.createTempFile(home, "contained", ".log");
        String java = Jdks.current().toString();
        String become = user == null ? "" : "chown " + user + ":" + user + " /tmp/home && exec setpriv --reuid=" + user
                + " --regid=" + user + " --clear-groups ";
        String script = privateTmp() + "mkdir -m 700 /tmp/home && export HOME=/tmp/home && "
                + (become.isEmpty() ? "exec " : become) + java + " -Xmx64m -Duser.home=/tmp/home "
                + String.join(" ", jvmArgs) + " -cp " + Repo.TEST_CLASSES + " dev.diag.it.fixture.IdleTarget";
        List<String> command = new ArrayList<>(List.of("unshare", "--kill-child", "--pid", "--mount", "--net",
                "--mount-proc", "bash", "-c", script));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("DIAG_HOME"); // the container has its own home
        builder.environment().remove("DIAG_COOKIE_FILE");
        Process unshare = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && unshare.isAlive()) {
            if (Files.readString(output).contains("idle target up")) {
                long pid = unshare.toHandle().children().findFirst().orElseThrow().pid();
                return new ContainedJvm(unshare, pid, output);
            }
            Thread.sleep(50);
        }
        unshare.destroyForcibly();
        throw new IOException("the contained JVM did not start: " + Files.readString(output));
    }

    /**
     * The shell commands that give a new mount namespace a /tmp of its own: a tmpfs, as a
     * container has. A checkout under /tmp (a CI clone) would vanish under it, so it is carried
     * over by a bind mount through /mnt, in that mount namespace only.
     */
    static String privateTmp() {
        String root = Repo.ROOT.toAbsolutePath().toString();
        if (!root.startsWith("/tmp/")) {
            return "mount -t tmpfs tmpfs /tmp && ";
        }
        return "mount --bind " + root + " /mnt && mount -t tmpfs tmpfs /tmp && mkdir -p " + root + " && mount --bind /mnt "
                + root + " && ";
    }

    /** Its pid on the host. */
    public long pid() {
        return pid;
    }

    /** A path inside the container, as the host reaches it. */
    public Path inside(String path) {
        return Path.of("/proc", Long.toString(pid), "root").resolve(path.substring(1));
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    @Override
    public void close() throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // pid 1 there: the namespace ends with it
        unshare.destroyForcibly();
        unshare.waitFor(10, TimeUnit.SECONDS);
    }
}
