package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * diag inject from the host into a JVM in a container made with unshare (own pid, mount and
 * network namespaces, a private /tmp and home): the node is then called by name and attached to
 * from the host, over its Unix-domain socket through /proc/PID/root. Needs root; CI runs as root.
 */
class ContainerIT {

    @BeforeAll
    static void needsNamespaces() throws Exception {
        Optional<String> why = ContainedJvm.unavailable();
        assumeTrue(why.isEmpty(), () -> "ContainerIT skipped: " + why.orElse(""));
    }

    @Test
    void injectedFromTheHostItIsCalledByNameAttachedToAndListed() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); ContainedJvm boxed = ContainedJvm.start(home.path(), null, List.of())) {
            DiagCli.Run inject = DiagCli.run(home, "inject", Long.toString(boxed.pid()), "--name", "boxed");

            assertEquals(0, inject.exit(), inject::toString);
            assertTrue(inject.out().contains("pid " + boxed.pid() + " (pid 1 in its container): running as node boxed@")
                    && inject.out().contains("diag attach boxed"), inject::toString);
            DiagCli.Run memory = DiagCli.run(home, "--node", "boxed", "--cmd", "memory(heap)");
            assertEquals(0, memory.exit(), memory::toString);
            assertTrue(memory.out().contains("(heap: "), memory::toString);

            DiagCli.Run jvms = DiagCli.run(home, "nodes", "--jvms");
            assertTrue(jvms.out().lines().anyMatch(l -> l.strip().startsWith(boxed.pid() + " ") && l.contains("boxed@")
                    && l.contains("IdleTarget (in a container, pid 1 there)")), jvms::toString);
            DiagCli.Run nodes = DiagCli.run(home, "nodes");
            assertTrue(nodes.out().contains("/proc/" + boxed.pid() + "/root/tmp/diag-"), nodes::toString);

            try (Tmux tmux = new Tmux(home, Repo.DIAG + " attach boxed")) {
                tmux.awaitText("(boxed@", 30);
                tmux.awaitText(")1> ", 10);
                tmux.line("memory(heap).");
                String screen = tmux.awaitText(")2> ", 10);
                assertTrue(screen.contains("(heap: "), screen);
                tmux.line("q().");
                tmux.awaitConsoleEnded(10);
            }
        }
    }

    @Test
    void theCookieIsNeitherInTheAgentsOptionsNorLeftInTheContainer() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); ContainedJvm boxed = ContainedJvm.start(home.path(), null, List.of())) {
            assertEquals(0, DiagCli.run(home, "inject", Long.toString(boxed.pid()), "--name", "boxed").exit());
            String secret = Files.readString(home.path().resolve("cookie")).strip();

            List<Path> dirs = dropDirectories(boxed);
            assertEquals(1, dirs.size(), dirs::toString);
            try (Stream<Path> left = Files.list(dirs.get(0))) { // the cookie is gone; the jar the agent runs from stays
                assertEquals(java.util.Set.of("node.sock", "diag-agent.jar"),
                        left.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
            }
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dirs.get(0))));
            assertFalse(Files.exists(boxed.inside("/tmp/home/.diag/cookie")), "the node made a cookie of its own");
            assertTrue(Files.exists(boxed.inside("/tmp/home/.diag/nodes/boxed.json")), "no record in the container's home");
            // what anyone allowed to attach may read back: the agent's options are in the JVM's own view
            Process jcmd = new ProcessBuilder(Jdks.current().resolveSibling("jcmd").toString(),
                    Long.toString(boxed.pid()), "VM.system_properties").redirectErrorStream(true).start();
            String properties = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            assertTrue(properties.contains("dev.diag.agent.node"), properties);
            assertFalse(properties.contains(secret), "the cookie is in the target's system properties");
        }
    }

    @Test
    void aContainerGivenACookieOfItsOwnAnswersOnlyThatCookie() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); ContainedJvm boxed = ContainedJvm.start(home.path(), null, List.of())) {
            dev.diag.protocol.cookie.CookieFile.loadOrCreate(home.path().resolve("cookie")); // the shell's usual one
            String own = home.path().resolve("cookie-boxed").toString(); // missing: inject makes it
            DiagCli.Run inject = DiagCli.run(home, "inject", Long.toString(boxed.pid()), "--name", "boxed",
                    "--cookie-file", own);
            assertEquals(0, inject.exit(), inject::toString);

            DiagCli.Run usual = DiagCli.run(home, "--node", "boxed", "--cmd", "memory(heap)");
            assertEquals(4, usual.exit(), usual::toString);
            assertTrue(usual.err().startsWith("diag: boxed refused our cookie"), usual::toString);
            assertEquals(0, DiagCli.run(home, "--node", "boxed", "--cookie-file", own, "--cmd", "memory(heap)").exit());
        }
    }

    @Test
    void aJvmOfAnotherUserInTheContainerGetsItsCookieAndSocketAsItsOwn() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                ContainedJvm boxed = ContainedJvm.start(home.path(), "65534", List.of()) /* nobody */) {
            DiagCli.Run inject = DiagCli.run(home, "inject", Long.toString(boxed.pid()), "--name", "nobodys");

            assertEquals(0, inject.exit(), inject + "\n" + boxed.output());
            assertEquals(0, DiagCli.run(home, "--node", "nobodys", "--cmd", "memory(heap)").exit());
        }
    }

    /**
     * kubectl debug --target: a debug container shares the JVM's pid namespace (and the pod's
     * network) but has a mount namespace, a /tmp and a home of its own; a JDK 25 shell there
     * injects pid 1 and calls it through /proc/1/root.
     */
    @Test
    void aDebugContainerSharingItsPidNamespaceInjectsAndCallsIt() throws Exception {
        Path jdk = Jdks.requireModern().getParent().getParent();
        try (DiagHomeDir home = new DiagHomeDir(); ContainedJvm boxed = ContainedJvm.start(home.path(), null, List.of())) {
            String script = ContainedJvm.privateTmp() + "mkdir -m 700 /tmp/debug && export DIAG_HOME=/tmp/debug/.diag"
                    + " JAVA_HOME=" + jdk + " && cd / && " + Repo.DIAG + " inject 1 --name debugged && " + Repo.DIAG
                    + " --node debugged --cmd 'memory(heap)'";
            Process debug = new ProcessBuilder("nsenter", "-t", Long.toString(boxed.pid()), "-p", "-n", "--",
                    "unshare", "--mount", "--fork", "--mount-proc", "bash", "-c", script).redirectErrorStream(true).start();
            String out = new String(debug.getInputStream().readAllBytes());

            assertTrue(debug.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), out);
            assertEquals(0, debug.exitValue(), out);
            assertTrue(out.contains("running as node debugged@") && out.contains("(heap: "), out);
        }
    }

    @Test
    void aContainerWhoseJvmRefusesAttachIsOneSentenceAndLeavesNothingBehind() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                ContainedJvm boxed = ContainedJvm.start(home.path(), null, List.of("-XX:+DisableAttachMechanism"))) {
            DiagCli.Run inject = DiagCli.run(home, "inject", Long.toString(boxed.pid()));

            assertEquals(3, inject.exit(), inject::toString);
            assertEquals(1, inject.err().lines().count(), inject::toString);
            assertTrue(inject.err().startsWith("diag: cannot attach to pid " + boxed.pid()), inject::toString);
            assertEquals(List.of(), dropDirectories(boxed), "a cookie directory was left");
        }
    }

    @Test
    void aStoppedContainerLeavesNoNodeBehindOnTheHost() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            ContainedJvm boxed = ContainedJvm.start(home.path(), null, List.of());
            try (boxed) {
                assertEquals(0, DiagCli.run(home, "inject", Long.toString(boxed.pid()), "--name", "gone").exit());
            }
            DiagCli.Run call = DiagCli.run(home, "--node", "gone", "--cmd", "memory(heap)");

            assertEquals(3, call.exit(), call::toString);
            assertTrue(call.err().startsWith("diag: no node named gone runs on this host"), call::toString);
            assertFalse(DiagCli.run(home, "nodes").out().contains("gone"));
        }
    }

    /**
     * stop() takes the node out of the container and its directory with it: the socket, and the
     * agent jar diag inject copied there, which the JVM still holds open (unlinked, shown as
     * deleted in /proc/PID/fd) for the classes it keeps; a later inject loads a fresh agent.
     */
    @Test
    void stopInAContainerRemovesItsDirectoryWithTheJarAndAFreshInjectAnswers() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); ContainedJvm boxed = ContainedJvm.start(home.path(), null, List.of())) {
            assertEquals(0, DiagCli.run(home, "inject", Long.toString(boxed.pid()), "--name", "boxed").exit());
            assertEquals(1, dropDirectories(boxed).size());

            DiagCli.Run stop = DiagCli.run(home, "--node", "boxed", "--cmd", "stop()");

            assertEquals(0, stop.exit(), stop::toString);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!dropDirectories(boxed).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100); // the agent closes a moment after it answered
            }
            assertEquals(List.of(), dropDirectories(boxed), "the node's directory outlived stop()");
            assertTrue(openFiles(boxed.pid()).stream().anyMatch(f -> f.endsWith("/diag-agent.jar (deleted)")),
                    () -> "the JVM does not hold the unlinked jar: " + openFiles(boxed.pid()));
            assertTrue(ProcessHandle.of(boxed.pid()).map(ProcessHandle::isAlive).orElse(false), boxed.output());

            DiagCli.Run again = DiagCli.run(home, "inject", Long.toString(boxed.pid()), "--name", "again");
            assertEquals(0, again.exit(), again::toString);
            DiagCli.Run memory = DiagCli.run(home, "--node", "again", "--cmd", "memory(heap)");
            assertEquals(0, memory.exit(), memory::toString);
            assertEquals(1, dropDirectories(boxed).size());
        }
    }

    /** diag inject's directories in the container's /tmp. */
    private static List<Path> dropDirectories(ContainedJvm boxed) throws java.io.IOException {
        try (Stream<Path> tmp = Files.list(boxed.inside("/tmp"))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("diag-")).toList();
        }
    }

    /** What the JVM's descriptors point to (/proc/PID/fd), as readlink says. */
    private static List<String> openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (java.io.IOException e) {
                    return ""; // closed meanwhile
                }
            }).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
