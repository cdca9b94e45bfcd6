package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.node.LocalHost;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeResolverTest {
    /** This JVM: alive for as long as the test runs, so the registry keeps its records. */
    private static final long ME = ProcessHandle.current().pid();
    /** When this JVM started: a record of a live pid must say so, or it belongs to an older process. */
    private static final long STARTED = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    /** A process id no live process has on Linux (above pid_max). */
    private static final long DEAD = 1L << 40;

    @TempDir
    Path tmp;

    private NodeRegistry registry;
    private NodeResolver resolver;

    @BeforeEach
    void emptyRegistry() {
        registry = new NodeRegistry(tmp.resolve("nodes"));
        resolver = new NodeResolver(registry);
    }

    @Test
    void resolvesARegisteredNameToItsAddress() throws Exception {
        registry.register(record("orders", "127.0.0.1", 4370));
        NodeResolver.Target target = resolver.resolve("orders");
        assertEquals("orders", target.name());
        assertEquals("orders@" + LocalHost.name(), target.display());
        assertEquals(new InetSocketAddress("127.0.0.1", 4370), target.address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders@localhost", "orders@127.0.0.1", " orders "})
    void resolvesALocalNameThroughTheRegistry(String typed) throws Exception {
        registry.register(record("orders", "127.0.0.1", 4370));
        assertEquals(4370, resolver.resolve(typed).address().getPort());
    }

    @Test
    void resolvesANameOnThisHostsOwnNameThroughTheRegistry() throws Exception {
        registry.register(record("orders", "127.0.0.1", 4370));
        assertEquals(4370, resolver.resolve("orders@" + LocalHost.name()).address().getPort());
    }

    @Test
    void namesTheRunningNodesWhenTheNameIsUnknown() throws Exception {
        registry.register(record("orders", "127.0.0.1", 4370));
        registry.register(record("billing", "127.0.0.1", 4371));
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("shipping"));
        assertEquals(ExitCode.UNREACHABLE, e.exit());
        assertEquals("no node named shipping runs on this host (running here: billing, orders).", e.getMessage());
    }

    @Test
    void saysNoMoreThanNoSuchNodeWhenNoneRuns() {
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("shipping"));
        assertEquals(ExitCode.UNREACHABLE, e.exit());
        assertEquals("no node named shipping runs on this host.", e.getMessage());
    }

    @Test
    void treatsTheRecordOfADeadProcessAsUnknown() throws Exception {
        registry.register(new NodeRecord("orders", DEAD, "127.0.0.1", 4370, "17", STARTED));
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("orders"));
        assertEquals("no node named orders runs on this host.", e.getMessage());
    }

    @Test
    void resolvesNameAtHostAndPortWithoutTheRegistry() throws Exception {
        NodeResolver.Target target = resolver.resolve("orders@10.1.2.3:4370");
        assertEquals("orders", target.name());
        assertEquals("orders@10.1.2.3:4370", target.display());
        assertEquals(new InetSocketAddress("10.1.2.3", 4370), target.address());
    }

    @Test
    void resolvesALocalNameWithAPortWithoutTheRegistry() throws Exception {
        registry.register(record("orders", "127.0.0.1", 4370));
        assertEquals(new InetSocketAddress("127.0.0.1", 5000), resolver.resolve("orders@127.0.0.1:5000").address());
    }

    @Test
    void stripsTheBracketsOfAnIpv6Literal() throws Exception {
        assertEquals(new InetSocketAddress("::1", 4370), resolver.resolve("orders@[::1]:4370").address());
    }

    @Test
    void explainsHowToAddThePortForARemoteNameWhenNoDirectoryIsAsked() {
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("orders@db-remote-7"));
        assertEquals(ExitCode.UNREACHABLE, e.exit());
        assertEquals("cannot find orders@db-remote-7 without a port: the directory is off (DIAG_DIRECTORY_PORT=0); "
                + "use orders@db-remote-7:PORT (the port is in the node's start-up line).", e.getMessage());
    }

    @Test
    void picksTheOnlyLocalNodeWhenNoNameIsGiven() throws Exception {
        registry.register(record("orders", "127.0.0.1", 4370));
        assertEquals(4370, resolver.resolve(null).address().getPort());
        assertEquals(4370, resolver.resolve("  ").address().getPort());
        assertEquals("orders@" + LocalHost.name(), resolver.resolve(null).display());
    }

    @Test
    void suggestsTheJavaagentWhenNoNameIsGivenAndNoNodeRuns() {
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve(null));
        assertEquals(ExitCode.UNREACHABLE, e.exit());
        assertTrue(e.getMessage().startsWith("no diag node runs on this host: "), e.getMessage());
        assertTrue(e.getMessage().contains("-javaagent:diag-agent.jar=name=NAME"), e.getMessage());
    }

    @Test
    void asksToChooseAndListsTheNamesWhenNoNameIsGivenAndSeveralRun() throws Exception {
        registry.register(record("orders", "127.0.0.1", 4370));
        registry.register(record("billing", "127.0.0.1", 4371));
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve(""));
        assertEquals(ExitCode.USAGE, e.exit());
        assertEquals("several nodes run on this host; choose one with --node (running here: billing, orders).",
                e.getMessage());
    }

    @Test
    void ignoresDeadNodesWhenPickingTheOnlyOne() throws Exception {
        registry.register(record("orders", "127.0.0.1", 4370));
        registry.register(new NodeRecord("billing", DEAD, "127.0.0.1", 4371, "17", STARTED));
        assertEquals(4370, resolver.resolve(null).address().getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::"})
    void reachesANodeBoundToEveryInterfaceOverLoopback(String bind) throws Exception {
        registry.register(record("orders", bind, 4370));
        assertEquals(new InetSocketAddress("127.0.0.1", 4370), resolver.resolve("orders").address());
    }

    @Test
    void reachesANodeBoundToTheIpv6WildcardAsTheAgentRecordsItOverLoopback() throws Exception {
        registry.register(record("orders", "0:0:0:0:0:0:0:0", 4370));
        assertEquals(new InetSocketAddress("127.0.0.1", 4370), resolver.resolve("orders").address());
    }

    @Test
    void dialsTheAddressANodeBoundToIfItIsNotAWildcard() throws Exception {
        registry.register(record("orders", "127.0.0.2", 4370));
        assertEquals(new InetSocketAddress("127.0.0.2", 4370), resolver.resolve("orders").address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-orders", "orders@", "orders@db1:", "orders@db1:0", "orders@db1:65536", "orders@db1:http",
            "ord ers", "orders@bad_host"})
    void refusesAMalformedNameAsBadUsage(String typed) {
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve(typed));
        assertEquals(ExitCode.USAGE, e.exit());
        assertTrue(e.getMessage().startsWith("'" + typed + "' is not a node name: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
    }

    @Test
    void aNodeWhoseRecordSaysTlsIsReachedOverTlsEvenOnLoopback() throws Exception {
        registry.register(new NodeRecord("orders", ME, "0.0.0.0", 4370, "17.0.15", STARTED, null, null, true));
        NodeResolver.Target target = resolver.resolve("orders");
        assertEquals(new InetSocketAddress("127.0.0.1", 4370), target.address());
        assertTrue(target.needsTls(false));
    }

    @Test
    void aPlainNodeOnLoopbackIsReachedPlainUnlessTlsIsAsked() throws Exception {
        registry.register(record("orders", "127.0.0.1", 4370));
        NodeResolver.Target target = resolver.resolve("orders");
        assertEquals(false, target.needsTls(false));
        assertTrue(target.needsTls(true));
    }

    /** Plaintext never crosses a network: an address off loopback is TLS whatever was typed. */
    @ParameterizedTest
    @ValueSource(strings = {"orders@192.0.2.7:4711", "orders@[2001:db8::7]:4711"})
    void aNodeTypedWithAnAddressOffLoopbackIsReachedOverTls(String typed) throws Exception {
        assertTrue(resolver.resolve(typed).needsTls(false));
    }

    @Test
    void aNodeTypedWithALoopbackAddressIsReachedPlain() throws Exception {
        assertEquals(false, resolver.resolve("orders@127.0.0.1:4711").needsTls(false));
    }

    private static NodeRecord record(String name, String bind, int port) {
        return new NodeRecord(name, ME, bind, port, "17.0.15", STARTED);
    }
}
