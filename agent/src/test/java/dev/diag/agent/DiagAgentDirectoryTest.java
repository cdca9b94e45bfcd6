package dev.diag.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diag.protocol.node.LocalHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that cannot have the directory port still starts, and says so in one line on stderr. */
class DiagAgentDirectoryTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream realErr;

    @TempDir
    Path home;

    @BeforeEach
    void captureStderr() {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "the directory needs Linux");
        realErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        if (realErr != null) {
            System.setErr(realErr);
        }
    }

    @Test
    void startsWithoutTheDirectoryWhenItsPortIsTakenAndSaysSoInOneLine() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=alpha,home=" + home
                        + ",directory-port=" + squatter.getLocalPort()))) {
            List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();

            assertEquals(1, lines.size(), lines.toString());
            assertEquals("diag: node alpha serves no directory (port 127.0.0.1:" + squatter.getLocalPort()
                    + ": the port is taken by another user's diag node or by a program that is not diag); "
                    + "name@host finds it only with its port, alpha@" + LocalHost.name() + ":"
                    + agent.address().getPort(), lines.get(0));
            assertTrue(agent.directoryAddress().isEmpty());
            assertTrue(agent.directoryProblem().contains("taken"), agent.directoryProblem());
        }
    }

    @Test
    void servesTheDirectoryQuietly() throws Exception {
        int port = freePort();
        try (RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=alpha,home=" + home
                + ",directory-port=" + port))) {
            assertEquals(port, agent.directoryAddress().orElseThrow().getPort());
            assertNull(agent.directoryProblem());
            assertEquals("", err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aNodeGivenTheDirectoryPortAsItsOwnRunsThereWithoutTheDirectoryAndSaysWhy() throws Exception {
        int port = freePort();
        try (RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=alpha,home=" + home + ",port=" + port
                + ",directory-port=" + port))) {
            assertEquals(port, agent.address().getPort());
            assertTrue(agent.directoryAddress().isEmpty());
            assertEquals(List.of("diag: node alpha serves no directory (port=" + port + " is the directory port too; "
                    + "choose another port= for the node); name@host finds it only with its port, alpha@"
                    + LocalHost.name() + ":" + port), err.toString(StandardCharsets.UTF_8).lines().toList());
        }
    }

    @Test
    void aNodeCannotTakeAsItsOwnPortTheDirectoryPortOtherNodesShareAndIsToldWhy() throws Exception {
        int port = freePort();
        try (RunningAgent alpha = DiagAgent.start(AgentOptions.parse("name=alpha,home=" + home
                + ",directory-port=" + port))) {
            AgentStartException e = assertThrows(AgentStartException.class, () -> DiagAgent.start(
                    AgentOptions.parse("name=beta,home=" + home + ",port=" + port + ",directory-port=" + port)));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + port + ": "), e.getMessage());
            assertTrue(e.getMessage().endsWith("; " + port + " is the host's directory port, which the diag nodes "
                    + "share: choose another port="), e.getMessage());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
