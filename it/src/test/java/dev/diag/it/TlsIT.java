package dev.diag.it;

import static dev.diag.it.TlsNodes.awaitOutput;
import static dev.diag.it.TlsNodes.firstAddressOffLoopback;
import static dev.diag.it.TlsNodes.record;
import static dev.diag.it.TlsNodes.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.handshake.ClientHandshake;
import dev.diag.protocol.handshake.HandshakeException;
import dev.diag.protocol.handshake.Nonces;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.node.NodeRecord;
import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * TLS between real shells and real target JVMs: calls answered over TLS on loopback (tls=true),
 * on a JDK 25 target, on an address of this machine off loopback and through a directory that
 * speaks TLS; plaintext off loopback only with insecure-plaintext=true, and then with a warning.
 * What crosses the wire is TlsWireIT's.
 */
class TlsIT {

    @Test
    void aLoopbackNodeWithTlsTrueAnswersOverTlsAndKeepsItsKeyOwnerOnly() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = start(home, "orders", "tls=true")) {
            awaitOutput(target, "listening on 127.0.0.1:"); // printed just after the node registers
            assertTrue(target.output().contains("(TLS)"), target.output());
            assertTrue(record(home, "orders").speaksTls());

            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", "memory(heap)");

            assertEquals(0, run.exit(), run::toString);
            DiagCli.Run nodes = DiagCli.run(home, "nodes");
            assertTrue(nodes.out().contains(":" + record(home, "orders").port() + " (TLS)"), nodes::toString);
            Path key = home.path().resolve("tls/orders.pem");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
        }
    }

    @Test
    void aJdk25TargetAnswersOverTlsAndPrintsNothingButItsLine() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(Jdks.requireModern(), home,
                "orders", "tls=true", Repo.TEST_CLASSES.toString(), TlsNodes.IDLE)) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", "memory(heap)");

            assertEquals(0, run.exit(), run::toString);
            awaitOutput(target, "listening on");
            assertEquals(List.of("diag: node orders@" + dev.diag.protocol.node.LocalHost.name() + " listening on 127.0.0.1:"
                    + record(home, "orders").port() + " (TLS)"), target.output().lines()
                            .filter(line -> !line.startsWith("idle target up")).toList());
        }
    }

    @Test
    void aNodeBoundOffLoopbackAnswersOverTlsAndRefusesPlaintextFromThere() throws Exception {
        Optional<InetAddress> address = firstAddressOffLoopback();
        assumeTrue(address.isPresent(), "this machine has no IPv4 address off loopback");
        String ip = address.get().getHostAddress();
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = start(home, "orders", "bind=" + ip)) {
            NodeRecord record = record(home, "orders");
            assertTrue(record.speaksTls());
            awaitOutput(target, "listening on " + ip);
            assertFalse(target.output().contains("warning"), target.output());

            DiagCli.Run byName = DiagCli.run(home, "--node", "orders", "--cmd", "memory(heap)");
            DiagCli.Run byAddress = DiagCli.run(home, "--node", "orders@" + ip + ":" + record.port(), "--cmd",
                    "memory(heap)");

            assertEquals(0, byName.exit(), byName::toString);
            assertEquals(0, byAddress.exit(), byAddress::toString);
            // From this machine to its own off-loopback address the peer is not loopback either.
            assertEquals(HandshakeException.Failure.TLS_REQUIRED, plainHandshake(home,
                    new InetSocketAddress(address.get(), record.port())));
        }
    }

    /**
     * name@host through a directory that speaks TLS: off loopback the shell asks it over TLS at
     * once; on loopback a tls=true node answers the plain attempt with TLS_REQUIRED, and the shell
     * asks again over TLS. The shell's home has no registry, so only the directory can answer.
     */
    @Test
    void theDirectoryAnswersOverTlsOnAndOffLoopback() throws Exception {
        Optional<InetAddress> address = firstAddressOffLoopback();
        String bind = address.map(InetAddress::getHostAddress).orElse("127.0.0.1");
        try (DiagHomeDir nodes = new DiagHomeDir(); DiagHomeDir shell = new DiagHomeDir();
                TargetJvm target = start(nodes, "orders", "tls=true,bind=" + bind)) {
            DiagCli.Run run = DiagCli.runWithEnv(shell, directoryOf(nodes), "--cookie-file", cookieOf(nodes),
                    "--node", "orders@" + bind, "--cmd", "memory(heap)");

            assertEquals(0, run.exit(), run::toString);
        }
        try (DiagHomeDir nodes = new DiagHomeDir(); DiagHomeDir shell = new DiagHomeDir();
                TargetJvm target = start(nodes, "orders", "tls=true")) {
            DiagCli.Run run = DiagCli.runWithEnv(shell, directoryOf(nodes), "--cookie-file", cookieOf(nodes),
                    "--node", "orders@127.0.0.1", "--cmd", "memory(heap)");

            assertEquals(0, run.exit(), run::toString);
        }
    }

    /** The nodes' private directory port, for a shell of another home. */
    private static Map<String, String> directoryOf(DiagHomeDir nodes) {
        return Map.of("DIAG_DIRECTORY_PORT", Integer.toString(nodes.directoryPort()));
    }

    private static String cookieOf(DiagHomeDir nodes) {
        return nodes.path().resolve("cookie").toString();
    }

    @Test
    void plaintextOffLoopbackIsRefusedAtStartUnlessInsecurePlaintextIsGiven() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            String refused = agentLineOfAFailedStart(home, "name=orders,bind=0.0.0.0,tls=false");
            assertTrue(refused.startsWith("diag: not started: bind=0.0.0.0 is not loopback and tls=false"), refused);
            assertTrue(refused.contains("insecure-plaintext=true"), refused);
        }
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = start(home, "orders", "bind=0.0.0.0,tls=false,insecure-plaintext=true")) {
            awaitOutput(target, " listening on "); // after the warning
            List<String> warnings = target.output().lines().filter(line -> line.contains("warning")).toList();
            assertEquals(1, warnings.size(), target.output());
            assertTrue(warnings.get(0).startsWith("diag: warning: node orders accepts plaintext connections on 0.0.0.0 "
                    + "(insecure-plaintext=true)"), warnings.get(0));
            assertFalse(record(home, "orders").speaksTls());
            assertEquals(0, DiagCli.run(home, "--node", "orders", "--cmd", "memory(heap)").exit());
        }
    }

    /** A plain HELLO, as an older shell sends it; the failure it meets. */
    private static HandshakeException.Failure plainHandshake(DiagHomeDir home, InetSocketAddress node) throws Exception {
        try (Socket socket = new Socket(node.getAddress(), node.getPort())) {
            socket.setSoTimeout(5_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            ClientHandshake handshake = new ClientHandshake(CookieFile.load(home.path().resolve("cookie")), "old shell",
                    Nonces.source());
            FrameIO.write(socket.getOutputStream(), handshake.hello());
            handshake.prove(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
            throw new AssertionError("the node challenged a plain HELLO");
        } catch (HandshakeException e) {
            return e.failure();
        }
    }

    /** Starts a target whose agent is expected to refuse; returns the agent's line once printed. */
    private static String agentLineOfAFailedStart(DiagHomeDir home, String agentOptions) throws Exception {
        Path output = Files.createTempFile(home.path(), "refused", ".log");
        ProcessBuilder builder = new ProcessBuilder(Jdks.current().toString(), "-Xmx64m",
                "-javaagent:" + Repo.AGENT_JAR + "=" + agentOptions, "-cp", Repo.TEST_CLASSES.toString(), TlsNodes.IDLE)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("DIAG_HOME", home.path().toString());
        builder.environment().put("DIAG_DIRECTORY_PORT", "0");
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                Optional<String> line = Files.readAllLines(output).stream().filter(l -> l.startsWith("diag: ")).findFirst();
                if (line.isPresent()) {
                    assertTrue(process.isAlive(), "the target runs on without diag");
                    assertFalse(Files.exists(home.path().resolve("nodes/orders.json")), "nothing registered");
                    return line.get();
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the agent said nothing within 30 s:\n" + Files.readString(output));
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

}
