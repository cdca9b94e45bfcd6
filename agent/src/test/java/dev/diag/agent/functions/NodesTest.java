package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.protocol.function.Impact;
import dev.diag.protocol.node.LocalHost;
import dev.diag.protocol.node.NodeList;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodesTest {
    private static final long ME = ProcessHandle.current().pid();
    private static final long STARTED = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    /** Above Linux's pid_max: no live process has it. */
    private static final long DEAD = 1L << 40;

    @TempDir
    Path tmp;

    @Test
    void isListedAsNodesTakingNoArgumentsAtLowImpact() {
        NodeRegistry registry = new NodeRegistry(tmp.resolve("nodes"));
        Nodes nodes = (Nodes) Functions.all(JdkInternals.withoutInstrumentation(), registry).find("nodes");
        assertSame(Nodes.class, nodes.getClass());
        assertEquals(0, nodes.minArity());
        assertEquals(0, nodes.maxArity());
        assertEquals(Impact.Level.LOW, nodes.impact().level());
    }

    @Test
    void listsTheLiveNodesOfItsRegistryOnThisHostAndDropsTheDeadOnes() throws Exception {
        NodeRegistry registry = new NodeRegistry(tmp.resolve("nodes"));
        registry.register(new NodeRecord("beta", ME, "127.0.0.1", 4001, "17.0.15", STARTED));
        registry.register(new NodeRecord("alpha", ME, "0.0.0.0", 4000, "17.0.15", STARTED));
        registry.register(new NodeRecord("crashed", DEAD, "127.0.0.1", 4002, "17.0.15", STARTED));

        NodeList list = (NodeList) new Nodes(registry).call(new Args("nodes", List.of()), null);

        assertEquals(LocalHost.name(), list.host());
        assertEquals(List.of("alpha", "beta"), list.names());
        assertEquals("0.0.0.0", list.find("alpha").orElseThrow().bind());
        assertEquals(4001, list.find("beta").orElseThrow().port());
        assertFalse(Files.exists(tmp.resolve("nodes/crashed.json")), "a stale record was left behind");
    }

    @Test
    void answersAnEmptyListWhenTheRegistryDoesNotExist() {
        NodeList list = (NodeList) new Nodes(new NodeRegistry(tmp.resolve("none"))).call(new Args("nodes", List.of()), null);
        assertEquals(List.of(), list.nodes());
    }
}
