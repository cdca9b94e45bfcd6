package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.node.NodeRegistry;
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
 * {@code --via}: the shell speaks to nodes through a real OpenSSH client ({@code ssh -W}) and a
 * real sshd on loopback ({@link SshServer}), as it would to a loopback-bound node on another
 * host: one-shot calls, the host's directory asked through the tunnel, a fleet behind one host,
 * $DIAG_HOME/via, attach and ^G r in a terminal, and ssh's own failures as one sentence each.
 */
class ViaSshIT {
    /** A host name that resolves nowhere: only the far end of a tunnel that ignores %h can reach it. */
    private static final String FAR = "far.diag-it.invalid";
    private static DiagHomeDir home;
    private static SshServer ssh;
    private static List<TargetJvm> nodes;

    @BeforeAll
    static void start() throws Exception {
        home = new DiagHomeDir();
        ssh = SshServer.start();
        nodes = List.of(TargetJvm.start(home, "alpha"), TargetJvm.start(home, "beta"), TargetJvm.start(home, "gamma"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (TargetJvm node : nodes) {
            node.close();
        }
        ssh.close();
        home.close();
    }

    @Test
    void aOneShotCallFindsTheNodeInItsHostsDirectoryThroughTheTunnel() throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--via", ssh.via(), "--node", "alpha@127.0.0.1", "--cmd", "memory(heap)");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("(heap: "), run::toString);
        assertEquals("", run.err(), run::toString);

        // %h is the host as typed: a name only the far end knows works there and nowhere else
        String farEnd = ssh.via().replace("-W %h:%p", "-W 127.0.0.1:%p");
        DiagCli.Run far = DiagCli.run(home, "--via", farEnd, "--node", "alpha@" + FAR, "--cmd", "memory(heap)");
        assertEquals(0, far.exit(), far::toString);
        assertTrue(far.out().contains("(heap: "), far::toString);
        DiagCli.Run direct = DiagCli.run(home, "--node", "alpha@" + FAR, "--cmd", "memory(heap)");
        assertEquals(3, direct.exit(), direct::toString);
    }

    @Test
    void aNodeWithItsPortIsReachedThroughTheTunnelWithoutTheDirectory() throws Exception {
        int port = new NodeRegistry(home.path().resolve("nodes")).lookup("beta").orElseThrow().port();
        DiagCli.Run run = DiagCli.runWithEnv(home, Map.of("DIAG_DIRECTORY_PORT", "0"), "--via", ssh.via(),
                "--node", "beta@127.0.0.1:" + port, "--cmd", "memory(heap)");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("(heap: "), run::toString);
    }

    @Test
    void aFleetOfThreeNodesBehindOneHostAnswersInTheOrderGivenOverOneSshLogin() throws Exception {
        long before = ssh.logins();
        DiagCli.Run run = DiagCli.run(home, "--via", ssh.via(), "--nodes",
                "gamma@127.0.0.1,alpha@127.0.0.1,beta@127.0.0.1", "--cmd", "memory(heap)");
        assertEquals(0, run.exit(), run::toString);
        assertEquals(List.of("== gamma@127.0.0.1 ==", "== alpha@127.0.0.1 ==", "== beta@127.0.0.1 =="),
                run.outLines().stream().filter(l -> l.startsWith("== ")).toList(), run::toString);
        assertEquals(3, run.outLines().stream().filter(l -> l.contains("(heap: ")).count(), run::toString);
        // the directory lookup and three sessions: four tunnels, one SSH connection (ssh's ControlMaster)
        assertEquals(1, ssh.logins() - before, ssh.log());
        assertFalse(masterRunning(), "an ssh master outlived the shell");
        assertEquals(List.of(), muxDirectories(), "the shell left its control socket directory");
    }

    @Test
    void aCommandThatTurnsControlMasterOffRunsOneSshPerSession() throws Exception {
        long before = ssh.logins();
        DiagCli.Run run = DiagCli.run(home, "--via", ssh.via().replace("ssh ", "ssh -o ControlMaster=no "),
                "--nodes", "gamma@127.0.0.1,alpha@127.0.0.1", "--cmd", "memory(heap)");
        assertEquals(0, run.exit(), run::toString);
        assertEquals(2, run.outLines().stream().filter(l -> l.contains("(heap: ")).count(), run::toString);
        assertEquals(3, ssh.logins() - before, ssh.log()); // the lookup, then each session its own login
        assertEquals(List.of(), muxDirectories(), run::toString);
    }

    @Test
    void hostsMatchingALineOfTheViaFileGoThroughItsCommand() throws Exception {
        Path file = home.path().resolve("via");
        Files.writeString(file, "# tunnels\nnothing.here ssh -W %h:%p nowhere\n*.diag-it.invalid,!x.diag-it.invalid  "
                + ssh.via().replace("-W %h:%p", "-W 127.0.0.1:%p") + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try {
            DiagCli.Run run = DiagCli.run(home, "--node", "alpha@" + FAR, "--cmd", "memory(heap)");
            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.out().contains("(heap: "), run::toString);
            // the plain one-shot path ends with Runtime.halt, but not past the hook that ends the master
            assertFalse(masterRunning(), "an ssh master outlived the one-shot shell");

            DiagCli.Run excluded = DiagCli.run(home, "--node", "alpha@x.diag-it.invalid", "--cmd", "memory(heap)");
            assertEquals(3, excluded.exit(), excluded::toString);
            assertTrue(excluded.err().contains("unknown host"), excluded::toString);

            // a file others may write would run their commands as us: refused, as the cookie would be
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
            DiagCli.Run unsafe = DiagCli.run(home, "--node", "alpha@" + FAR, "--cmd", "memory(heap)");
            assertEquals(4, unsafe.exit(), unsafe::toString);
            assertTrue(unsafe.err().startsWith("diag: ") && unsafe.err().contains(file.toString()), unsafe::toString);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void anUnknownHostKeyIsOneSentenceNamingTheFix() throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--via", ssh.via("user_key", "no_known_hosts"),
                "--node", "alpha@127.0.0.1", "--cmd", "memory(heap)");
        assertEquals(4, run.exit(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().startsWith("diag: cannot reach the diag directory at 127.0.0.1:"), run::toString);
        assertTrue(run.err().contains("ssh does not know the host key of 127.0.0.1 (No ED25519 host key is known"),
                run::toString);
        assertTrue(run.err().contains("record it in known_hosts"), run::toString);
    }

    @Test
    void aKeyTheServerRefusesIsOneSentenceNamingTheFix() throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--via", ssh.via("stranger_key", "known_hosts"),
                "--node", "alpha@127.0.0.1", "--cmd", "memory(heap)");
        assertEquals(4, run.exit(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("ssh refused the login (root@127.0.0.1: Permission denied (publickey))"),
                run::toString);
        assertTrue(run.err().contains("authorized_keys"), run::toString);
    }

    @Test
    void aCommandThatDoesNotExistIsAUsageSentence() throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--via", "no-such-tunnel-command -W %h:%p", "--node", "alpha@127.0.0.1",
                "--cmd", "memory(heap)");
        assertEquals(2, run.exit(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("the --via command 'no-such-tunnel-command -W %h:%p' was not found"),
                run::toString);
    }

    @Test
    void aNodeNameCannotSmuggleShellSyntaxOrAnSshOptionIntoTheCommand() throws Exception {
        Path marker = home.path().resolve("ran");
        for (String node : List.of("a@x;touch${IFS}" + marker, "a@-oProxyCommand=touch${IFS}" + marker, "a@$(id)")) {
            DiagCli.Run run = DiagCli.run(home, "--via", ssh.via(), "--node", node, "--cmd", "memory(heap)");
            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.err().startsWith("diag: '" + node + "' is not a node name"), run::toString);
        }
        assertFalse(Files.exists(marker), "a command ran");
    }

    @Test
    void aTunnelThatNeverAnswersTimesOutWithASentenceAndIsEnded() throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--timeout", "2", "--via", "sleep 317 # %h %p", "--node", "alpha@db1",
                "--cmd", "memory(heap)");
        assertEquals(3, run.exit(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("through --via did not answer within"), run::toString);
        Process pgrep = new ProcessBuilder("pgrep", "-f", "^sleep 317$").redirectErrorStream(true).start();
        pgrep.getInputStream().readAllBytes();
        assertEquals(1, pgrep.waitFor(), "a timed-out command outlived the shell");
    }

    @Test
    void theSshServerKilledMidCallIsConnectionLostWithExit3AndNoSshLeft() throws Exception {
        try (SshServer dying = SshServer.start()) {
            DiagCli.Running running = DiagCli.start(home, null, "--json", "--via", dying.via(),
                    "--node", "alpha@127.0.0.1", "--cmd", "memory(heap)", "--cmd", "proc_window(reductions, 3, 20000)");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(running.out()).contains("memory(heap)")) { // answered: proc_window holds on 20 s
                assertTrue(System.nanoTime() < deadline, "memory(heap) got no answer within 30 s");
                Thread.sleep(50);
            }
            Thread.sleep(300);
            dying.kill();
            DiagCli.Run run = running.finish();

            assertEquals(3, run.exit(), run::toString);
            assertTrue(run.out().contains("\"call\":\"memory(heap)\",\"ok\":true"), run::toString);
            assertTrue(run.out().contains("\"code\":\"connection_lost\""), run::toString);
            assertTrue(run.err().startsWith("diag: lost the connection to the node during proc_window("), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertFalse(sshRunning(dying.via()), "an ssh child outlived the shell");
        }
    }

    @Test
    void aShellEndedBySigtermLeavesNoSshBehind() throws Exception {
        DiagCli.Running running = DiagCli.start(home, null, "--via", ssh.via(), "--node", "beta@127.0.0.1",
                "--cmd", "proc_window(reductions, 3, 20000)");
        try {
            awaitTunnel(ssh.via());
            // while it runs: its control socket, in a directory of its own that only its user may enter.
            // The first ssh pgrep sees may be the shell's `ssh -G` probe, which runs before the
            // directory is made: wait for the directory rather than take the probe for the tunnel.
            long dirDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<String> dirs = muxDirectories();
            while (dirs.isEmpty() && System.nanoTime() < dirDeadline) {
                Thread.sleep(50);
                dirs = muxDirectories();
            }
            assertEquals(1, dirs.size(), dirs::toString);
            Path dir = home.path().resolve(dirs.get(0));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            long socketDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (listing(dir).isEmpty() && System.nanoTime() < socketDeadline) {
                Thread.sleep(50); // the master binds it once logged in
            }
            List<Path> sockets = listing(dir);
            assertEquals(1, sockets.size(), sockets::toString);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sockets.get(0))));
            running.process().destroy(); // SIGTERM to the shell's JVM (bin/diag execs it)
            assertTrue(running.process().waitFor(10, TimeUnit.SECONDS));
        } finally {
            running.process().destroyForcibly(); // a failed check must not leave this shell to the next test (no-op once it ended)
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sshRunning(ssh.via()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(sshRunning(ssh.via()), "an ssh child outlived the shell");
        assertFalse(masterRunning(), "an ssh master outlived the shell");
        assertEquals(List.of(), muxDirectories(), "the shell left its control socket directory");
    }

    @Test
    void attachAndSwitchToAnotherNodeThroughTheTunnelInATerminal() throws Exception {
        try (Tmux tmux = new Tmux(home, Repo.DIAG + " attach alpha@127.0.0.1 --via '" + ssh.via() + "'")) {
            tmux.awaitText("(alpha@127.0.0.1)1> ", 30);
            tmux.line("memory(heap).");
            tmux.awaitText("(alpha@127.0.0.1)2> ", 10);
            tmux.keys("C-g");
            tmux.awaitText("User switch command", 10);
            tmux.line("r gamma@127.0.0.1");
            tmux.awaitText("Job 2 on gamma@127.0.0.1", 15);
            tmux.line("c");
            tmux.awaitText("(gamma@127.0.0.1)1> ", 10);
            tmux.line("memory(heap).");
            String screen = tmux.awaitText("(gamma@127.0.0.1)2> ", 10);
            assertEquals(2, Tmux.count(screen, "(heap: "), screen);
            tmux.line("q().");
            tmux.awaitConsoleEnded(10);
        }
        assertFalse(sshRunning(ssh.via()), "an ssh child outlived the console");
        assertFalse(masterRunning(), "an ssh master outlived the console");
    }

    /** True while an ssh master serves a control socket under this test's DIAG_HOME (its title names the socket). */
    private static boolean masterRunning() throws Exception {
        Process pgrep = new ProcessBuilder("pgrep", "-f", "^ssh: " + home.path() + "/mux-").redirectErrorStream(true)
                .start();
        pgrep.getInputStream().readAllBytes();
        return pgrep.waitFor() == 0;
    }

    /** The shells' control socket directories left in DIAG_HOME. */
    private static List<String> muxDirectories() throws Exception {
        try (var entries = Files.list(home.path())) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("mux-")).toList();
        }
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (var entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    /** Waits until an ssh with this command line runs (the shell has started its tunnel). */
    private static void awaitTunnel(String via) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!sshRunning(via)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no ssh started within 20 s");
            }
            Thread.sleep(50);
        }
    }

    /** True while an ssh client runs with this --via command's key (pgrep -f, as an operator would look). */
    private static boolean sshRunning(String via) throws Exception {
        String key = via.split(" -i ")[1].split(" ")[0];
        Process pgrep = new ProcessBuilder("pgrep", "-f", "^ssh .*" + key).redirectErrorStream(true).start();
        pgrep.getInputStream().readAllBytes();
        return pgrep.waitFor() == 0;
    }
}
