package dev.diag.shell.client;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.node.NodeList;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import dev.diag.shell.client.FakeDirectoryNode.Behaviour;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Asking a directory port over real loopback sockets, against a fake node that misbehaves on cue. */
class DirectoryLookupTest {
    private static final Cookie COOKIE = new Cookie("directory cookie".getBytes(US_ASCII));
    private static final String LISTING = "{\"host\":\"db1\",\"nodes\":[{\"name\":\"alpha\",\"pid\":1,\"bind\":\"0.0.0.0\","
            + "\"port\":37737,\"jvm\":\"17\",\"startedAtMillis\":0,\"uptimeMillis\":5}]}";

    @Test
    void readsThePortFromTheEnvironmentUnlessGivenAnd4370WhenUnset() throws Exception {
        assertEquals(4370, lookup(null, null, 1_000).port());
        assertEquals(5000, lookup(null, "5000", 1_000).port());
        assertEquals(6000, lookup(6000, "5000", 1_000).port());
        assertEquals(0, lookup(null, "0", 1_000).port());
    }

    @Test
    void aBadPortInTheEnvironmentIsAUsageErrorNamingIt() {
        DiagException e = assertThrows(DiagException.class, () -> lookup(null, "43xx", 1_000).port());
        assertEquals(ExitCode.USAGE, e.exit());
        assertEquals("DIAG_DIRECTORY_PORT=43xx must be a port number from 1 to 65535, or 0 for no directory.",
                e.getMessage());
    }

    @Test
    void listsTheNodesTheDirectoryAnswers() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 0, Behaviour.ANSWER)) {
            NodeList list = lookup(node.port(), null, 5_000).ask("127.0.0.1").orElseThrow();
            assertEquals(List.of("alpha"), list.names());
            assertEquals(37737, list.find("alpha").orElseThrow().port());
        }
    }

    @Test
    void asksAgainOnANewConnectionWhenTheNodeThatAnsweredIsBusy() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 0, Behaviour.BUSY, Behaviour.ANSWER)) {
            NodeList list = lookup(node.port(), null, 5_000).ask("127.0.0.1").orElseThrow();
            assertEquals(List.of("alpha"), list.names());
            assertEquals(2, node.accepted());
        }
    }

    @Test
    void saysTheDirectoryIsBusyWithTheBusyExitCodeWhenEveryAttemptFindsItBusy() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 0, Behaviour.BUSY)) {
            DiagException e = assertThrows(DiagException.class, () -> lookup(node.port(), null, 5_000).ask("127.0.0.1"));
            assertEquals(ExitCode.BUSY, e.exit());
            assertTrue(e.getMessage().startsWith("the diag directory at 127.0.0.1:" + node.port()
                    + " could not list its nodes: the node is busy: i() running for 3 s"), e.getMessage());
            assertEquals(DirectoryLookup.ATTEMPTS, node.accepted());
        }
    }

    @Test
    void answersNothingWhenNothingListensOnThePort() throws Exception {
        assertEquals(Optional.empty(), lookup(closedPort(), null, 5_000).ask("127.0.0.1"));
    }

    @Test
    void triesANewConnectionWhenTheNodeThatGotItDiesOnTheWay() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 0, Behaviour.CLOSE_AT_ONCE,
                Behaviour.CLOSE_AT_ONCE, Behaviour.ANSWER)) {
            assertEquals(List.of("alpha"), lookup(node.port(), null, 5_000).ask("127.0.0.1").orElseThrow().names());
            assertEquals(3, node.accepted());
        }
    }

    @Test
    void triesANewConnectionWhenTheNodeThatGotItIsFrozen() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 0, Behaviour.SILENT, Behaviour.ANSWER)) {
            assertEquals(List.of("alpha"), lookup(node.port(), null, 3_000).ask("127.0.0.1").orElseThrow().names());
        }
    }

    @Test
    void givesUpAfterThreeSilentConnectionsWithOneSentence() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 0, Behaviour.SILENT)) {
            DiagException e = assertThrows(DiagException.class, () -> lookup(node.port(), null, 3_000).ask("127.0.0.1"));
            assertEquals(ExitCode.UNREACHABLE, e.exit());
            assertEquals("the diag directory at 127.0.0.1:" + node.port() + " did not answer within 1 s, 3 times; "
                    + "try again, raise --timeout, or give the node's port, NAME@127.0.0.1:PORT.", e.getMessage());
            assertEquals(3, node.accepted());
        }
    }

    @Test
    void aCookieNoNodeOnThePortHoldsIsAuthenticationRefusedAndNamesNoNode() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 0, Behaviour.OTHER_COOKIE)) {
            DiagException e = assertThrows(DiagException.class, () -> lookup(node.port(), null, 5_000).ask("127.0.0.1"));
            assertEquals(ExitCode.AUTH_REFUSED, e.exit());
            assertEquals("the diag directory at 127.0.0.1:" + node.port() + " refused our cookie (/home/ops/.diag/cookie) "
                    + "on 12 connections: no node there holds it; use the cookie of the nodes on 127.0.0.1, with "
                    + "--cookie-file or DIAG_COOKIE_FILE.", e.getMessage());
            assertFalse(e.getMessage().contains("alpha"));
            assertEquals(DirectoryLookup.COOKIE_TRIES, node.accepted());
        }
    }

    @Test
    void triesANewConnectionWhenANodeOfAnotherCookieSharingThePortGotIt() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 0, Behaviour.OTHER_COOKIE,
                Behaviour.OTHER_COOKIE, Behaviour.OTHER_COOKIE, Behaviour.ANSWER)) {
            assertEquals(List.of("alpha"), lookup(node.port(), null, 5_000).ask("127.0.0.1").orElseThrow().names());
            assertEquals(4, node.accepted());
        }
    }

    @Test
    void aProgramThatIsNotDiagOnThePortIsSaidSoAtOnce() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 0, Behaviour.HTTP)) {
            DiagException e = assertThrows(DiagException.class, () -> lookup(node.port(), null, 5_000).ask("127.0.0.1"));
            assertEquals(ExitCode.UNREACHABLE, e.exit());
            assertTrue(e.getMessage().startsWith("127.0.0.1:" + node.port() + " did not answer like a diag directory ("),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("): another program holds that port; give the node's port, "
                    + "NAME@127.0.0.1:PORT."), e.getMessage());
            assertEquals(1, node.accepted());
        }
    }

    @Test
    void anOlderNodeWithoutNodesIsSaidSo() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 0, Behaviour.NO_SUCH_FUNCTION)) {
            DiagException e = assertThrows(DiagException.class, () -> lookup(node.port(), null, 5_000).ask("127.0.0.1"));
            assertEquals(ExitCode.UNREACHABLE, e.exit());
            assertEquals("node fake answered on the directory port 127.0.0.1:" + node.port() + " but has no nodes(): "
                    + "its agent is older than this shell; give the node's port, NAME@HOST:PORT.", e.getMessage());
        }
    }

    @Test
    void concurrentAsksForOneHostShareOneConnection() throws Exception {
        try (FakeDirectoryNode node = new FakeDirectoryNode(COOKIE, LISTING, 500, Behaviour.ANSWER)) {
            DirectoryLookup lookup = lookup(node.port(), null, 5_000);
            List<CompletableFuture<Optional<NodeList>>> asks = List.of(ask(lookup), ask(lookup), ask(lookup));

            for (CompletableFuture<Optional<NodeList>> ask : asks) {
                try {
                    assertEquals(List.of("alpha"), ask.get(10, TimeUnit.SECONDS).orElseThrow().names());
                } catch (TimeoutException e) {
                    throw new AssertionError("an ask had no answer within 10 s, though its lookup gives up after 5 s", e);
                }
            }
            assertEquals(1, node.accepted());
            // and a later ask sees the directory afresh
            lookup.ask("127.0.0.1");
            assertEquals(2, node.accepted());
        }
    }

    private static CompletableFuture<Optional<NodeList>> ask(DirectoryLookup lookup) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return lookup.ask("127.0.0.1");
            } catch (DiagException e) {
                throw new IllegalStateException(e.getMessage());
            }
        });
    }

    private static DirectoryLookup lookup(Integer port, String environment, int timeoutMillis) {
        return new DirectoryLookup(port, environment, new DirectoryLookup.CookieSource() {
            @Override
            public Cookie load() {
                return COOKIE;
            }

            @Override
            public Path path() {
                return Path.of("/home/ops/.diag/cookie");
            }
        }, timeoutMillis);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
