package dev.diag.shell.cli;

import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.frame.FrameOpener;
import dev.diag.protocol.frame.FrameSealer;
import dev.diag.protocol.handshake.AgentHandshake;
import dev.diag.protocol.handshake.TlsClient;
import dev.diag.protocol.message.JsonTree;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import dev.diag.protocol.node.DirectoryPort;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.client.Connector;
import dev.diag.shell.render.ResultPrinter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * Run once at package time under {@code -XX:ArchiveClassesAtExit}: walks the one-shot path
 * ({@code diag --cmd memory}: options, parser, cookie, handshake, call, both renderers), then a
 * fleet of two ({@code --nodes a,b}), so the class-data-sharing archive holds the classes that
 * path loads. The node it talks to is a
 * loopback thread that speaks just enough of the agent's side; it is not used by any test.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("diag-cds");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path cookieFile = home.resolve("cookie");
            CookieFile.loadOrCreate(cookieFile);
            Thread agent = new Thread(() -> answerOnce(server, cookieFile, "training", 2), "cds-training-node");
            agent.start();
            // Loaded before any of the rest by the launcher, which the training does not go through.
            Class.forName("dev.diag.shell.Main", false, CdsTraining.class.getClassLoader());
            TerminalWidth.ofStdout();
            QuickArgs.parse(new String[] {"--cmd", "memory", "--node", "x", "--json"});
            OneShotWarmup.start(); // as Parsed.run does
            // `echo memory | diag --node x`: calls read from a piped stdin. Without this its classes
            // would come from the jar, whose opening (2,400 entries) costs such a call about 9 ms.
            StdinScript.read(new java.io.ByteArrayInputStream("memory\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
            // Found by name through the registry, as users call nodes: the lookup's classes count too.
            DiagHome diagHome = new DiagHome(home);
            new NodeRegistry(diagHome.nodes()).register(
                    NodeRecord.ofThisProcess("training", "127.0.0.1", server.getLocalPort()));
            Connector connector = new Connector(diagHome, cookieFile.toString(), 5_000);
            String node = "training";
            ScriptRunner.run(connector, node, List.of("memory", "erlang:memory(heap)."),
                    new ResultPrinter(discard, discard, false, 100));
            agent.join(5_000);
            new ResultPrinter(discard, discard, true, 100).failure(node, "memory()", "unreachable", "training");
            trainUnknownNode(diagHome, cookieFile, discard);
            trainFleet(connector, cookieFile, discard);
            trainTlsClient();
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        // As every one-shot call ends (without the Runtime.exit logger lookup of System.exit).
        ShellExit.exit(0);
    }

    /**
     * {@code --node typo}, or a node of another host by name: not in the registry, so the container
     * records and then the directory port are asked (here a port nothing listens on) and the
     * failure is printed. Without it those classes came from the jar, whose opening costs the call
     * about 9 ms.
     */
    private static void trainUnknownNode(DiagHome home, Path cookieFile, PrintStream discard) throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        ScriptRunner.run(new Connector(home, cookieFile.toString(), 5_000, closedPort), "nowhere", List.of("memory"),
                new ResultPrinter(discard, discard, false, 100));
        // The port above is given, not read from DIAG_DIRECTORY_PORT as a call reads it: no port of
        // this machine's own directory is asked at build time, and the reader's class is loaded here.
        DirectoryPort.parse(Integer.toString(closedPort));
    }

    /** A fleet of two ({@code --nodes a,b --cmd memory}): the pool, the blocks, each node by name@host:port. */
    private static void trainFleet(Connector connector, Path cookieFile, PrintStream discard) throws Exception {
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread nodeA = new Thread(() -> answerOnce(a, cookieFile, "fleet-a", 1), "cds-training-fleet-a");
            Thread nodeB = new Thread(() -> answerOnce(b, cookieFile, "fleet-b", 1), "cds-training-fleet-b");
            nodeA.start();
            nodeB.start();
            FleetRunner.run(connector, List.of("fleet-a@127.0.0.1:" + a.getLocalPort(), "fleet-b@127.0.0.1:"
                    + b.getLocalPort()), List.of("memory"), false, 100, discard, discard);
            nodeA.join(5_000);
            nodeB.join(5_000);
        }
    }

    /**
     * The client's side of TLS up to its ClientHello ({@code --tls}, and every node off loopback):
     * the JDK's TLS context, key shares and extensions, about two thirds of a first TLS
     * connection's start-up. The training node here has no certificate to answer with (the shell
     * cannot make one), so it hangs up and the handshake fails, as expected.
     */
    private static void trainTlsClient() throws IOException {
        try (ServerSocket closing = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread node = new Thread(() -> {
                try {
                    closing.accept().close();
                } catch (IOException ignored) {
                    // the training goes on without it
                }
            }, "cds-training-tls");
            node.start();
            try (Socket socket = new Socket(closing.getInetAddress(), closing.getLocalPort())) {
                TlsClient.over(socket);
            } catch (IOException expected) {
                // the node hung up after the ClientHello: the classes up to there are loaded
            }
        }
    }

    private static void answerOnce(ServerSocket server, Path cookieFile, String name, int calls) {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            AgentHandshake handshake = new AgentHandshake(CookieFile.load(cookieFile), name, new SecureRandom());
            FrameIO.write(out, handshake.challenge(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX)));
            AgentHandshake.Accepted accepted = handshake.verify(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
            FrameIO.write(out, accepted.welcome());
            FrameOpener opener = accepted.keys().agentOpener();
            FrameSealer sealer = accepted.keys().agentSealer();
            for (int call = 0; call < calls; call++) {
                Message.Request request = (Message.Request) MessageCodec.decode(
                        opener.open(FrameIO.read(in, FrameLimits.DEFAULT_MAX)));
                byte[] result = (request.args().isEmpty() ? SAMPLE_REPORT : "{\"kind\":\"heap\",\"bytes\":1048576}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                Message reply = new Message.Reply(request.id(), true, JsonTree.parse(result), null);
                FrameIO.write(out, sealer.seal(MessageCodec.encode(reply)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("CDS training failed: " + e.getMessage(), e);
        }
    }

    private static final String SAMPLE_REPORT = """
            {"residentBytes":83886080,
             "heap":{"used":1048576,"committed":2097152,"max":268435456},
             "nonHeap":{"used":1048576,"committed":2097152},
             "metaspace":{"used":1048576,"committed":2097152},
             "codeCache":{"used":1048576,"committed":2097152,"max":251658240},
             "pools":[{"name":"G1 Eden Space","type":"heap","usage":{"used":1024,"committed":2048}}],
             "buffers":[{"name":"direct","count":1,"used":1024,"capacity":1024}],
             "threads":{"count":10,"daemon":8,"peak":12,"stackSizeBytes":1048576,"stackEstimateBytes":10485760},
             "collectors":[{"name":"G1 Young Generation","count":3,"timeMillis":12}]}
            """;
}
