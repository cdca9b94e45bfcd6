package dev.diag.agent;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.node.NodeRegistry;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** close(), the one way an agent stops, whether the embedding app or stop() asks. */
class RunningAgentTest {
    @TempDir
    Path home;

    @Test
    void closeTwiceStopsOnceAndTheSameNameStartsAfresh() throws Exception {
        RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=once,home=" + home + ",directory-port=0"));
        InetSocketAddress address = agent.address();

        agent.close();
        agent.close(); // the embedding app's close after stop(): nothing left to do

        assertThrows(ConnectException.class, () -> new Socket(address.getAddress(), address.getPort()).close());
        assertTrue(new NodeRegistry(home.resolve("nodes")).lookup("once").isEmpty(), "the registry entry is left");
        try (RunningAgent again = DiagAgent.start(AgentOptions.parse("name=once,home=" + home + ",directory-port=0"))) {
            assertTrue(new NodeRegistry(home.resolve("nodes")).lookup("once").isPresent());
        }
    }
}
