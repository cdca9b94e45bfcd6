package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.node.ProcessStart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's records of nodes in containers: found while their JVM lives, gone after, never believed loose. */
class ContainerNodesTest {
    @TempDir
    Path home;

    private final long self = ProcessHandle.current().pid();

    @Test
    void findsTheNodeOfALiveProcessAndReachesItsSocketThroughProcRoot() throws Exception {
        ContainerNodes nodes = new ContainerNodes(home.resolve("containers"));
        String socket = Files.createFile(home.resolve("node.sock")).toString(); // our own root: the path as is
        nodes.register(new ContainerNodes.Node("boxed", self, ProcessStart.ticks(self).orElseThrow(), socket, 1,
                "17.0.15"));

        ContainerNodes.Node found = nodes.lookup("boxed").orElseThrow();

        assertEquals(Path.of("/proc/" + self + "/root" + socket), found.hostSocket());
        assertEquals(1, found.containerPid());
        assertEquals(List.of("boxed"), nodes.live().stream().map(ContainerNodes.Node::name).toList());
    }

    @Test
    void removesTheRecordOfAnAgentStoppedInALiveJvmWhoseSocketIsGone() throws Exception {
        ContainerNodes nodes = new ContainerNodes(home.resolve("containers"));
        nodes.register(new ContainerNodes.Node("stopped", self, ProcessStart.ticks(self).orElseThrow(),
                home.resolve("gone.sock").toString(), 1, "17"));

        assertTrue(nodes.lookup("stopped").isEmpty());
        assertFalse(Files.exists(home.resolve("containers/stopped.json")), "the stale record was kept");
    }

    @Test
    void removesTheRecordOfAPidThatStartedAtAnotherTime() throws Exception {
        ContainerNodes nodes = new ContainerNodes(home.resolve("containers"));
        nodes.register(new ContainerNodes.Node("reused", self, ProcessStart.ticks(self).orElseThrow() - 1,
                "/tmp/diag-0a1b2c3d/node.sock", 1, "17"));

        assertTrue(nodes.lookup("reused").isEmpty());
        assertFalse(Files.exists(home.resolve("containers/reused.json")), "the stale record was kept");
    }

    @Test
    void ignoresARecordOthersCouldWrite() throws Exception {
        ContainerNodes nodes = new ContainerNodes(home.resolve("containers"));
        nodes.register(new ContainerNodes.Node("loose", self, ProcessStart.ticks(self).orElseThrow(),
                Files.createFile(home.resolve("node.sock")).toString(), 1, "17"));
        Files.setPosixFilePermissions(home.resolve("containers/loose.json"), PosixFilePermissions.fromString("rw-rw-rw-"));

        assertTrue(nodes.lookup("loose").isEmpty());
    }
}
