package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.node.LocalHost;
import dev.diag.shell.client.DiagClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * name@host without a port, across real processes: three nodes share one directory port (a
 * random free one, never 4370, which other people's nodes on this machine may hold), and a shell
 * whose own registry is empty must find them through it. alpha and beta share the port on
 * 127.0.0.1; gamma listens on 127.0.0.2, another address of this host, so it serves the port
 * there alone and a name@127.0.0.2 goes the way of a remote host's.
 */
class DirectoryIT {

    @Test
    void findsNodesByNameThroughTheDirectoryPortOnlyForHoldersOfTheCookie() throws Exception {
        int directory = DiagHomeDir.freePort();
        try (DiagHomeDir nodes = new DiagHomeDir(); DiagHomeDir shell = new DiagHomeDir();
                TargetJvm alpha = start(nodes, "alpha", "directory-port=" + directory);
                TargetJvm beta = start(nodes, "beta", "directory-port=" + directory);
                TargetJvm gamma = start(nodes, "gamma", "bind=127.0.0.2,directory-port=" + directory)) {
            String cookie = nodes.path().resolve("cookie").toString();

            DiagCli.Run byAddress = diag(shell, directory, "--cookie-file", cookie, "--node", "beta@127.0.0.1",
                    "--cmd", "nodes()");
            assertEquals(0, byAddress.exit(), byAddress::toString);
            assertEquals(4, byAddress.outLines().size(), byAddress::toString); // the header and three nodes
            for (String name : List.of("alpha", "beta", "gamma")) {
                assertTrue(byAddress.out().contains(name + "@" + LocalHost.name()), byAddress::toString);
            }
            assertTrue(byAddress.out().contains("127.0.0.2:"), byAddress::toString);

            DiagCli.Run byHostName = diag(shell, directory, "--cookie-file", cookie, "--node",
                    "alpha@" + LocalHost.name(), "--json", "--cmd", "memory(heap)");
            assertEquals(0, byHostName.exit(), byHostName::toString);
            assertTrue(byHostName.out().startsWith("{\"v\":1,\"node\":\"alpha@" + LocalHost.name() + "\""), byHostName::toString);

            // 127.0.0.2 is not this host's name: the remote way, through gamma's directory, to a node on 127.0.0.1
            DiagCli.Run otherAddress = diag(shell, directory, "--cookie-file", cookie, "--node", "beta@127.0.0.2",
                    "--cmd", "memory(heap)");
            assertEquals(0, otherAddress.exit(), otherAddress::toString);

            DiagCli.Run unknown = diag(shell, directory, "--cookie-file", cookie, "--node", "nosuch@127.0.0.1",
                    "--cmd", "memory");
            assertEquals(3, unknown.exit(), unknown::toString);
            assertEquals(1, unknown.err().lines().count(), unknown::toString);
            assertTrue(unknown.err().contains("no node named nosuch runs on this host (running here: alpha, beta, gamma)"),
                    unknown::toString);

            Path otherCookie = shell.path().resolve("other-cookie");
            CookieFile.loadOrCreate(otherCookie);
            DiagCli.Run refused = diag(shell, directory, "--cookie-file", otherCookie.toString(), "--node",
                    "nosuch@127.0.0.1", "--cmd", "memory");
            assertEquals(3, refused.exit(), refused::toString);
            assertEquals("", refused.out(), refused::toString);
            assertEquals(1, refused.err().lines().count(), refused::toString);
            assertTrue(refused.err().contains("no node named nosuch runs on this host; the directory port " + directory
                    + " here answers only to another cookie"), refused::toString);
            for (String name : List.of("alpha", "beta", "gamma")) {
                assertFalse(refused.err().contains(name), "a node's name reached a peer without the cookie: " + refused);
            }

            for (TargetJvm node : List.of(alpha, beta, gamma)) {
                assertFalse(node.output().contains("serves no directory"), node.output());
            }
        }
    }

    @Test
    void nodesOfTwoCookiesShareOneDirectoryPortAndEachCookieFindsOnlyItsOwn() throws Exception {
        int directory = DiagHomeDir.freePort();
        try (DiagHomeDir homeA = new DiagHomeDir(); DiagHomeDir homeB = new DiagHomeDir();
                DiagHomeDir shell = new DiagHomeDir();
                TargetJvm alpha = start(homeA, "alpha", "directory-port=" + directory);
                TargetJvm beta = start(homeB, "beta", "directory-port=" + directory)) {
            String cookieA = homeA.path().resolve("cookie").toString();
            String cookieB = homeB.path().resolve("cookie").toString();

            // The kernel hands each connection to either node: both ways must find the node asked for.
            for (int i = 0; i < 4; i++) {
                DiagCli.Run a = diag(shell, directory, "--cookie-file", cookieA, "--node", "alpha@127.0.0.1",
                        "--cmd", "memory(heap)");
                assertEquals(0, a.exit(), a::toString);
                DiagCli.Run b = diag(shell, directory, "--cookie-file", cookieB, "--node", "beta@127.0.0.1",
                        "--cmd", "memory(heap)");
                assertEquals(0, b.exit(), b::toString);
            }

            DiagCli.Run listed = diag(shell, directory, "--cookie-file", cookieA, "--node", "alpha@127.0.0.1",
                    "--cmd", "nodes()");
            assertEquals(0, listed.exit(), listed::toString);
            assertTrue(listed.out().contains("alpha@"), listed::toString);
            assertFalse(listed.out().contains("beta"), "a node of another cookie was listed: " + listed);

            DiagCli.Run unknown = diag(shell, directory, "--cookie-file", cookieA, "--node", "beta@127.0.0.1",
                    "--cmd", "memory(heap)");
            assertEquals(3, unknown.exit(), unknown::toString);
            assertEquals(1, unknown.err().lines().count(), unknown::toString);
            assertTrue(unknown.err().contains("no node named beta runs on this host (running here: alpha)"),
                    unknown::toString);

            Path cookieC = shell.path().resolve("cookie-c");
            CookieFile.loadOrCreate(cookieC);
            DiagCli.Run neither = diag(shell, directory, "--cookie-file", cookieC.toString(), "--node", "alpha@127.0.0.1",
                    "--cmd", "memory(heap)");
            assertEquals(3, neither.exit(), neither::toString);
            assertTrue(neither.err().contains("no node named alpha runs on this host; the directory port " + directory
                    + " here answers only to another cookie"), neither::toString);
            assertFalse(neither.err().contains("beta"), neither::toString);
        }
    }

    @Test
    void theDirectoryOutlivesTheNodeThatAnsweredIt() throws Exception {
        int directory = DiagHomeDir.freePort();
        try (DiagHomeDir nodes = new DiagHomeDir(); DiagHomeDir shell = new DiagHomeDir();
                TargetJvm alpha = start(nodes, "alpha", "directory-port=" + directory);
                TargetJvm beta = start(nodes, "beta", "directory-port=" + directory);
                TargetJvm gamma = start(nodes, "gamma", "directory-port=" + directory)) {
            String cookie = nodes.path().resolve("cookie").toString();
            String answered;
            try (DiagClient client = DiagClient.connect(new InetSocketAddress("127.0.0.1", directory),
                    CookieFile.load(Path.of(cookie)), 5_000)) {
                answered = client.agentName();
            }
            List<TargetJvm> survivors = new ArrayList<>(List.of(alpha, beta, gamma));
            TargetJvm victim = survivors.stream().filter(t -> t.name().equals(answered)).findFirst().orElseThrow();
            survivors.remove(victim);

            victim.kill(); // SIGKILL: its socket on the shared port goes, its registry record stays behind

            for (int i = 0; i < 6; i++) {
                TargetJvm wanted = survivors.get(i % 2);
                DiagCli.Run run = diag(shell, directory, "--cookie-file", cookie, "--node", wanted.name() + "@127.0.0.1",
                        "--cmd", "memory(heap)");
                assertEquals(0, run.exit(), () -> "after killing " + victim.name() + ": " + run);
            }
            DiagCli.Run gone = diag(shell, directory, "--cookie-file", cookie, "--node", victim.name() + "@127.0.0.1",
                    "--cmd", "memory(heap)");
            assertEquals(3, gone.exit(), gone::toString);
            assertTrue(gone.err().contains("no node named " + victim.name() + " runs on this host (running here: "
                    + survivors.get(0).name() + ", " + survivors.get(1).name() + ")"), gone::toString);
        }
    }

    @Test
    void withoutAnyNodeOnTheDirectoryPortTheShellSaysHowToGiveThePort() throws Exception {
        int directory = DiagHomeDir.freePort();
        try (DiagHomeDir shell = new DiagHomeDir()) {
            CookieFile.loadOrCreate(shell.path().resolve("cookie"));

            DiagCli.Run run = diag(shell, directory, "--node", "orders@127.0.0.2", "--cmd", "memory");

            assertEquals(3, run.exit(), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().contains("no diag node on 127.0.0.2 serves the directory port " + directory)
                    && run.err().contains("orders@127.0.0.2:PORT"), run::toString);
        }
    }

    private static TargetJvm start(DiagHomeDir home, String name, String extras) throws Exception {
        return TargetJvm.start(Jdks.current(), home, name, extras, Repo.TEST_CLASSES.toString(),
                "dev.diag.it.fixture.IdleTarget");
    }

    /** bin/diag as DiagCli runs it, but asking the directory on {@code directoryPort}. */
    private static DiagCli.Run diag(DiagHomeDir home, int directoryPort, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Repo.DIAG.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home.path(), "out", ".txt");
        Path err = Files.createTempFile(home.path(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("DIAG_HOME", home.path().toString());
        env.remove("DIAG_COOKIE_FILE");
        env.remove("COLUMNS");
        env.put("DIAG_DIRECTORY_PORT", Integer.toString(directoryPort));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/diag " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new DiagCli.Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
