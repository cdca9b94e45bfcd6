package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.diag.protocol.node.LocalHost;
import dev.diag.protocol.node.NodeEntry;
import dev.diag.protocol.node.NodeList;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names the local registry does not know, looked up on the host's directory port (a fake one here). */
class NodeResolverDirectoryTest {
    private static final long ME = ProcessHandle.current().pid();
    private static final long STARTED = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();

    @TempDir
    Path tmp;

    private NodeRegistry registry;
    private final FakeDirectory directory = new FakeDirectory();
    private NodeResolver resolver;

    @BeforeEach
    void emptyRegistry() {
        registry = new NodeRegistry(tmp.resolve("nodes"));
        resolver = new NodeResolver(registry, directory);
    }

    @Test
    void findsARemoteNameOnItsHostsDirectoryAndDialsTheHostAsTyped() throws Exception {
        directory.answer = Optional.of(list("db1", entry("alpha", "0.0.0.0", 37737), entry("beta", "::", 41000)));

        NodeResolver.Target target = resolver.resolve("beta@10.9.8.7");

        assertEquals(List.of("10.9.8.7"), directory.asked);
        assertEquals("beta", target.name());
        assertEquals("beta@10.9.8.7", target.display());
        assertEquals(new InetSocketAddress("10.9.8.7", 41000), target.address());
    }

    @Test
    void dialsTheAddressARemoteNodeBoundToWhenItIsNoWildcard() throws Exception {
        directory.answer = Optional.of(list("db1", entry("alpha", "10.1.2.3", 37737)));
        assertEquals(new InetSocketAddress("10.1.2.3", 37737), resolver.resolve("alpha@db1").address());
    }

    @Test
    void asksTheDirectoryOverLoopbackForALocalNameTheRegistryDoesNotKnow() throws Exception {
        directory.answer = Optional.of(list("vm", entry("alpha", "127.0.0.1", 37737)));

        NodeResolver.Target target = resolver.resolve("alpha@" + LocalHost.name());

        assertEquals(List.of("127.0.0.1"), directory.asked);
        assertEquals("alpha@" + LocalHost.name(), target.display());
        assertEquals(new InetSocketAddress("127.0.0.1", 37737), target.address());
    }

    @Test
    void asksNoDirectoryForALocalNameTheRegistryKnows() throws Exception {
        registry.register(new NodeRecord("alpha", ME, "127.0.0.1", 4000, "17", STARTED));
        assertEquals(4000, resolver.resolve("alpha").address().getPort());
        assertEquals(List.of(), directory.asked);
    }

    @Test
    void asksNoDirectoryWhenThePortIsGiven() throws Exception {
        assertEquals(5000, resolver.resolve("alpha@db1:5000").address().getPort());
        assertEquals(List.of(), directory.asked);
    }

    @Test
    void namesWhatTheDirectoryListsWhenTheNameIsNotThere() {
        directory.answer = Optional.of(list("db1", entry("alpha", "0.0.0.0", 1), entry("beta", "0.0.0.0", 2)));
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("gamma@db1"));
        assertEquals(ExitCode.UNREACHABLE, e.exit());
        assertEquals("no node named gamma runs on db1 (its directory lists: alpha, beta).", e.getMessage());
    }

    @Test
    void namesTheLocalNodesOfBothTheRegistryAndTheDirectory() throws Exception {
        registry.register(new NodeRecord("orders", ME, "127.0.0.1", 4000, "17", STARTED));
        directory.answer = Optional.of(list("vm", entry("alpha", "127.0.0.1", 1), entry("orders", "127.0.0.1", 4000)));
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("gamma"));
        assertEquals("no node named gamma runs on this host (running here: alpha, orders).", e.getMessage());
    }

    @Test
    void saysNoMoreThanNoSuchNodeForALocalNameWhenNoDirectoryIsServed() {
        directory.answer = Optional.empty();
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("gamma"));
        assertEquals(ExitCode.UNREACHABLE, e.exit());
        assertEquals("no node named gamma runs on this host.", e.getMessage());
    }

    @Test
    void saysThatNothingServesTheDirectoryOnARemoteHostAndHowToGiveThePort() {
        directory.answer = Optional.empty();
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("gamma@db1"));
        assertEquals(ExitCode.UNREACHABLE, e.exit());
        assertEquals("cannot find gamma@db1: no diag node on db1 serves the directory port 4370 (connection refused); "
                + "give the node's port, gamma@db1:PORT, or the host's directory port in DIAG_DIRECTORY_PORT.",
                e.getMessage());
    }

    @Test
    void asksNothingWhenTheDirectoryIsOff() {
        directory.port = 0;
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("gamma@db1"));
        assertEquals(List.of(), directory.asked);
        assertEquals("cannot find gamma@db1 without a port: the directory is off (DIAG_DIRECTORY_PORT=0); "
                + "use gamma@db1:PORT (the port is in the node's start-up line).", e.getMessage());
    }

    @Test
    void refusesARemoteNodeThatListensOnLoopbackOnly() {
        directory.answer = Optional.of(list("db1", entry("alpha", "127.0.0.1", 37737)));
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("alpha@db1"));
        assertEquals(ExitCode.UNREACHABLE, e.exit());
        assertEquals("alpha@db1 listens on 127.0.0.1 only (its bind= option), so it cannot be reached from another "
                + "host: run diag on db1, or tunnel its port 37737 over SSH (docs/security.md).", e.getMessage());
    }

    @Test
    void reachesALoopbackNodeThroughAnotherLoopbackAddressOfThisHost() throws Exception {
        directory.answer = Optional.of(list("vm", entry("alpha", "127.0.0.1", 37737)));
        assertEquals(new InetSocketAddress("127.0.0.1", 37737), resolver.resolve("alpha@127.0.0.2").address());
        assertEquals(List.of("127.0.0.2"), directory.asked);
    }

    @Test
    void passesOnTheDirectorysOwnSentence() {
        directory.failure = new DiagException(ExitCode.AUTH_REFUSED, "the diag directory at db1:4370 refused our cookie");
        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("alpha@db1"));
        assertEquals(ExitCode.AUTH_REFUSED, e.exit());
    }

    @Test
    void aLocalNameIsNoNodeOfOursWhenOnlyNodesOfAnotherCookieHoldTheDirectoryPort() throws Exception {
        registry.register(new NodeRecord("orders", ME, "127.0.0.1", 37737, "17", STARTED));
        directory.failure = new DiagException(ExitCode.AUTH_REFUSED, "the diag directory at 127.0.0.1:4370 refused our cookie");

        DiagException e = assertThrows(DiagException.class, () -> resolver.resolve("ordres"));

        assertEquals(ExitCode.UNREACHABLE, e.exit());
        assertEquals("no node named ordres runs on this host (running here: orders); the directory port 4370 here "
                + "answers only to another cookie.", e.getMessage());
    }

    private static NodeList list(String host, NodeEntry... entries) {
        return new NodeList(host, List.of(entries), null);
    }

    private static NodeEntry entry(String name, String bind, int port) {
        return new NodeEntry(name, 100, bind, port, "17.0.15", 0, 1_000, null);
    }

    private static final class FakeDirectory implements NodeResolver.Directory {
        int port = 4370;
        Optional<NodeList> answer = Optional.empty();
        DiagException failure;
        final List<String> asked = new ArrayList<>();

        @Override
        public int port() {
            return port;
        }

        @Override
        public Optional<NodeList> ask(String host) throws DiagException {
            asked.add(host);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }
}
