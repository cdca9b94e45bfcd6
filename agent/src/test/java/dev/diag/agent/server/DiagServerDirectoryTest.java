package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diag.agent.AgentOptions;
import dev.diag.agent.functions.Functions;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.handshake.HandshakeException;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory port over real sockets: several servers of this process share it (as the nodes of
 * one user share it across processes), each answers there with the full handshake and nodes(),
 * and a port that cannot be shared costs the directory only, never the node.
 */
class DiagServerDirectoryTest {
    private static final Cookie COOKIE = EmbeddedAgent.cookie("directory test cookie");
    private static final long ME = ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    private NodeRegistry registry;
    private int directoryPort;
    private final List<DiagServer> servers = new ArrayList<>();

    @BeforeEach
    void freePortAndRegistry() throws IOException {
        assumeTrue(DiagServer.reusePortSupported(), "the directory needs SO_REUSEPORT (Linux)");
        registry = new NodeRegistry(tmp.resolve("nodes"));
        directoryPort = freePort();
    }

    @AfterEach
    void stopServers() {
        servers.forEach(DiagServer::close);
    }

    @Test
    void nodesOfOneUserShareTheDirectoryPortAndWhicheverAnswersListsThemAll() throws Exception {
        start("alpha", directoryPort);
        start("beta", directoryPort);

        Set<String> answered = new TreeSet<>();
        for (int i = 0; i < 12; i++) {
            try (DirectoryPeer peer = DirectoryPeer.connect(directory(), COOKIE)) {
                answered.add(peer.agentName());
                assertEquals(List.of("alpha", "beta"), peer.nodes().names());
            }
        }
        assertTrue(Set.of("alpha", "beta").containsAll(answered), answered.toString());
    }

    @Test
    void theDirectoryStaysServedByTheNodesThatRemain() throws Exception {
        DiagServer alpha = start("alpha", directoryPort);
        start("beta", directoryPort);

        alpha.close();
        servers.remove(alpha);

        for (int i = 0; i < 8; i++) {
            try (DirectoryPeer peer = DirectoryPeer.connect(directory(), COOKIE)) {
                assertEquals("beta", peer.agentName());
            }
        }
    }

    @Test
    void aPeerWithoutTheCookieIsRefusedAtTheDirectoryBeforeAnyName() throws Exception {
        start("alpha", directoryPort);

        HandshakeException e = assertThrows(HandshakeException.class,
                () -> DirectoryPeer.connect(directory(), EmbeddedAgent.cookie("another cookie")));
        assertEquals(HandshakeException.Failure.WRONG_COOKIE, e.failure());
    }

    @Test
    void aPortHeldBySomethingThatDoesNotShareCostsTheDirectoryNotTheNode() throws Exception {
        try (ServerSocket squatter = new ServerSocket(directoryPort, 1, InetAddress.getLoopbackAddress())) {
            DiagServer alpha = start("alpha", directoryPort);

            assertTrue(alpha.directoryAddress().isEmpty());
            assertEquals("the port is taken by another user's diag node or by a program that is not diag",
                    alpha.directoryProblem());
            try (DirectoryPeer peer = DirectoryPeer.connect(alpha.address(), COOKIE)) {
                assertEquals("alpha", peer.agentName());
            }
        }
    }

    @Test
    void directoryPortZeroMeansNoDirectoryAndNoComplaint() throws Exception {
        DiagServer alpha = start("alpha", 0);

        assertTrue(alpha.directoryAddress().isEmpty());
        assertNull(alpha.directoryProblem());
    }

    @Test
    void theNodesOwnPortIsNeverShared() throws Exception {
        DiagServer alpha = start("alpha", directoryPort);

        AgentOptions same = new AgentOptions("beta", alpha.address().getPort(), "127.0.0.1", null, FrameLimits.DEFAULT_MAX);
        assertThrows(IOException.class, () -> DiagServer.start(same, 0, COOKIE, functions(), tmp.resolve("audit.log")));
    }

    private DiagServer start(String name, int directory) throws IOException {
        DiagServer server = DiagServer.start(new AgentOptions(name, 0, "127.0.0.1", null, FrameLimits.DEFAULT_MAX),
                directory, COOKIE, functions(), tmp.resolve("audit.log"));
        servers.add(server);
        registry.register(new NodeRecord(name, ME, "127.0.0.1", server.address().getPort(), "17",
                ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli()));
        if (directory != 0 && server.directoryProblem() == null) {
            assertEquals(directory, server.directoryAddress().orElseThrow().getPort());
        }
        return server;
    }

    private Functions functions() {
        return Functions.all(JdkInternals.withoutInstrumentation(), registry);
    }

    private InetSocketAddress directory() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), directoryPort);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
