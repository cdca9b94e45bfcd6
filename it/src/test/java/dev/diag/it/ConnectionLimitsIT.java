package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.client.DiagClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nobody without the cookie can take the target's file descriptors or the node's door: floods of
 * raw connections against real target JVMs, from many loopback source addresses (the whole 127/8
 * is loopback on Linux), as an attacker on many hosts would send them.
 */
class ConnectionLimitsIT {
    private static final int FD_LIMIT = 256;
    /** What the agent derives from that limit (ConnectionLimits: an eighth). */
    private static final int MAX_CONNECTIONS = FD_LIMIT / 8;

    @Test
    void aConnectionFloodUnderALowFdLimitLeavesTheAppItsDescriptorsAndTheNodeAnswersAfterwards() throws Exception {
        floodUnderALowFdLimit(Jdks.current());
    }

    @Test
    void aConnectionFloodUnderALowFdLimitLeavesAModernJdkTargetItsDescriptorsToo() throws Exception {
        floodUnderALowFdLimit(Jdks.requireModern());
    }

    private static void floodUnderALowFdLimit(Path java) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(javaWithFdLimit(home, java, FD_LIMIT), home, "fdflood", "",
                        Repo.TEST_CLASSES.toString(), "dev.diag.it.fixture.FileOpeningTarget")) {
            assertEquals(0, call(home, "fdflood").exit());
            Thread.sleep(500);
            long baseline = openFds(target);
            int port = port(home, "fdflood");

            List<Socket> attack = new ArrayList<>();
            long peak = baseline;
            try {
                for (int i = 0; i < 4 * FD_LIMIT; i++) {
                    attack.add(connect(source(i), port));
                    peak = Math.max(peak, openFds(target));
                }
                for (int i = 0; i < 30; i++) { // 3 s: the node works through its backlog meanwhile
                    peak = Math.max(peak, openFds(target));
                    Thread.sleep(100);
                }
            } finally {
                for (Socket socket : attack) {
                    socket.close();
                }
            }

            // + the sockets accepted in one wake-up before the gate closes them, + the app's own file
            assertTrue(peak <= baseline + MAX_CONNECTIONS + 4 + 2, "the target held " + peak + " descriptors under the flood, "
                    + baseline + " before it: more than max-connections=" + MAX_CONNECTIONS);
            long after = awaitFds(target, baseline + 2);
            assertTrue(after <= baseline + 2, after + " descriptors 10 s after the flood, " + baseline + " before");
            // the kernel's backlog may still hold closed connections the node has not accepted yet
            // (CLOSE-WAIT, none of them the target's descriptors); at the accept rate (100/s) they go within seconds
            assertEquals(0, awaitNoCloseWaits(port), "sockets left in CLOSE-WAIT on the node's port 20 s after the flood");
            DiagCli.Run run = call(home, "fdflood");
            assertEquals(0, run.exit(), run::toString);
            assertFalse(target.output().contains("app could not open a file"), target.output());
            assertQuiet(target);
        }
    }

    @Test
    void whenTheAppItselfRunsOutOfDescriptorsTheNodeWaitsQuietlyAndAnswersOnceTheyAreBack() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(javaWithFdLimit(home, Jdks.current(), FD_LIMIT), home, "hog", "",
                        Repo.TEST_CLASSES.toString(), "dev.diag.it.fixture.FileOpeningTarget", "hog", "1000", "4000")) {
            awaitOutput(target, "hogging");
            int port = port(home, "hog");
            List<Socket> waiting = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) { // each try to accept them fails with "too many open files"
                    waiting.add(connect(source(i), port));
                    Thread.sleep(100);
                }
                awaitOutput(target, "released");
            } finally {
                for (Socket socket : waiting) {
                    socket.close();
                }
            }

            DiagCli.Run run = call(home, "hog");
            assertEquals(0, run.exit(), run::toString);
            assertQuiet(target);
            long acceptLines = target.output().lines().filter(l -> l.contains("cannot accept connections")).count();
            assertTrue(acceptLines <= 1, target.output());
        }
    }

    @Test
    void idleUnauthenticatedConnectionsPastMaxStartupsAreDroppedWhileASessionKeepsWorking() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "idle")) {
            int port = port(home, "idle");
            try (DiagClient session = DiagClient.connect(new InetSocketAddress("127.0.0.1", port),
                    CookieFile.load(home.path().resolve("cookie")), 5_000)) {
                List<Socket> idle = new ArrayList<>();
                int held = 0;
                try {
                    for (int i = 0; i < 200; i++) {
                        idle.add(connect(source(i), port));
                    }
                    Thread.sleep(1_000); // past the accept burst: the node has judged them all
                    for (Socket socket : idle) {
                        held += waitsForItsHandshake(socket) ? 1 : 0;
                    }
                    assertTrue(session.call("memory", List.of(TextNode.valueOf("heap")), 5_000).ok(),
                            "the authenticated session stopped working under the flood");
                } finally {
                    for (Socket socket : idle) {
                        socket.close();
                    }
                }
                // MaxStartups 10:30:100: the first 10 always, never more than 100
                assertTrue(held >= 10 && held <= 100, held + " of 200 idle connections held");
            }
            assertQuiet(target);
        }
    }

    /** A java that starts with {@code ulimit -n limit}, as a service with a low descriptor limit runs. */
    static Path javaWithFdLimit(DiagHomeDir home, Path java, int limit) throws IOException {
        Path script = home.path().resolve("java-ulimit-" + limit);
        Files.writeString(script, "#!/bin/sh\nulimit -n " + limit + "\nexec " + java + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    static int port(DiagHomeDir home, String name) throws IOException {
        return new NodeRegistry(home.path().resolve("nodes")).lookup(name).orElseThrow().port();
    }

    /** The i-th attacker address: 127.0.1.1, 127.0.1.2, ... one connection each, so no per-address limit applies. */
    static InetAddress source(int i) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, (byte) (1 + i / 250), (byte) (1 + i % 250)});
    }

    static Socket connect(InetAddress source, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        return socket;
    }

    static DiagCli.Run call(DiagHomeDir home, String node) throws IOException, InterruptedException {
        return DiagCli.run(home, "--node", node, "--cmd", "memory(heap)");
    }

    static long openFds(TargetJvm target) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(target.pid()), "fd"))) {
            return fds.count();
        }
    }

    private static long awaitFds(TargetJvm target, long atMost) throws Exception {
        long fds = openFds(target);
        for (int i = 0; i < 100 && fds > atMost; i++) {
            Thread.sleep(100);
            fds = openFds(target);
        }
        return fds;
    }

    private static long awaitNoCloseWaits(int port) throws Exception {
        long left = closeWaits(port);
        for (int i = 0; i < 200 && left > 0; i++) {
            Thread.sleep(100);
            left = closeWaits(port);
        }
        return left;
    }

    /** Sockets in CLOSE-WAIT (state 08 in /proc/net/tcp) whose local port is {@code port}. */
    static long closeWaits(int port) throws IOException {
        String local = String.format(":%04X", port);
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (Files.exists(path)) {
                count += Files.readAllLines(path).stream().skip(1).map(String::trim).map(l -> l.split("\\s+"))
                        .filter(f -> f[1].endsWith(local) && f[3].equals("08")).count();
            }
        }
        return count;
    }

    /** True when the node keeps the connection open, waiting for a HELLO; false when it closed it. */
    private static boolean waitsForItsHandshake(Socket socket) throws IOException {
        socket.setSoTimeout(200);
        try {
            return socket.getInputStream().read() != -1;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The target's output has no stack trace and no Java class name from diag; diag's lines are single sentences. */
    static void assertQuiet(TargetJvm target) throws IOException {
        String output = target.output();
        assertFalse(output.contains("\tat ") || output.contains("Exception") || output.contains("WARNING")
                || output.contains("io.netty"), output);
    }

    private static void awaitOutput(TargetJvm target, String text) throws Exception {
        for (int i = 0; i < 200 && !target.output().contains(text); i++) {
            Thread.sleep(50);
        }
        assertTrue(target.output().contains(text), target.output());
    }
}
