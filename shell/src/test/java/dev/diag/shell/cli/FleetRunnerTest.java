package dev.diag.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.node.BadNodeNameException;
import dev.diag.protocol.node.LocalHost;
import dev.diag.shell.client.Connector;
import dev.diag.shell.testing.FakeNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several nodes at once, against loopback stand-ins for nodes (FakeNode): grouping, JSON, timeouts, exit codes. */
class FleetRunnerTest {
    private static final List<String> TWO_CALLS = List.of("memory(heap)", "erlang:memory(heap).");

    @TempDir
    Path dir;

    private Cookie cookie;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final List<FakeNode> nodes = new ArrayList<>();

    @BeforeEach
    void cookie() throws Exception {
        cookie = CookieFile.loadOrCreate(dir.resolve("cookie"));
    }

    @org.junit.jupiter.api.AfterEach
    void stopNodes() throws Exception {
        for (FakeNode node : nodes) {
            node.close();
        }
    }

    @Test
    void eachItemOfTheListIsAFullNodeNameAndEachNodeRunsOnce() throws Exception {
        Map<String, String> labels = FleetRunner.labels(List.of("a", "b@db1", "c@db1:4370", "a", "a@" + LocalHost.name()));
        assertEquals(List.of("a@" + LocalHost.name(), "b@db1", "c@db1:4370"), List.copyOf(labels.keySet()));
        assertEquals("a", labels.get("a@" + LocalHost.name()));
        assertThrows(BadNodeNameException.class, () -> FleetRunner.labels(List.of("a", "b@db1:99999")));
    }

    @Test
    void groupsOutputByNodeInTheOrderGivenUnderAHeaderEach() throws Exception {
        String a = node("a", 1, 10);
        String b = node("b", 2, 10);

        ExitCode exit = run(List.of(a, b), TWO_CALLS, false, 5_000);

        assertEquals(ExitCode.OK, exit, this::output);
        List<String> lines = out().lines().toList();
        assertEquals(List.of("== " + a + " ==", "1   (heap: 1 B)", "", "1   (heap: 1 B)", "",
                "== " + b + " ==", "2   (heap: 2 B)", "", "2   (heap: 2 B)"), lines, this::output);
        assertEquals("", err());
    }

    @Test
    void theSameNodeTwiceIsOneNodeWithoutAHeader() throws Exception {
        String a = node("a", 1, 10);

        ExitCode exit = run(List.of(a, a), List.of("memory(heap)"), false, 5_000);

        assertEquals(ExitCode.OK, exit, this::output);
        assertEquals(List.of("1   (heap: 1 B)"), out().lines().toList(), this::output);
    }

    @Test
    void aHungNodeCostsTheTimeoutOnceAndTheOthersStillPrint() throws Exception {
        String hung = node("hung", 7, 1); // answers the first call, then never again
        String fine = node("fine", 8, 10);
        String dead = deadNode("dead");

        long start = System.nanoTime();
        ExitCode exit = run(List.of(hung, fine, dead), TWO_CALLS, false, 1_000);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(ExitCode.UNREACHABLE, exit, this::output);
        assertTrue(millis < 3_000, "took " + millis + " ms with a 1 s timeout");
        List<String> lines = out().lines().toList();
        assertEquals(List.of("== " + hung + " ==", "7   (heap: 7 B)", "",
                "", "== " + fine + " ==", "8   (heap: 8 B)", "", "8   (heap: 8 B)",
                "", "== " + dead + " =="), lines, this::output);
        List<String> errors = err().lines().toList();
        assertEquals(2, errors.size(), this::output);
        assertTrue(errors.get(0).startsWith("diag: " + hung + ": ") && errors.get(0).contains("no answer within 1 s"), this::output);
        assertTrue(errors.get(1).startsWith("diag: " + dead + ": ") && errors.get(1).contains("connection refused"), this::output);
    }

    @Test
    void jsonHasOneObjectPerNodePerCallAndOneForANodeThatCannotBeReached() throws Exception {
        String a = node("a", 1, 10);
        String dead = deadNode("dead");
        String b = node("b", 2, 10);

        ExitCode exit = run(List.of(a, dead, b), TWO_CALLS, true, 5_000);

        assertEquals(ExitCode.UNREACHABLE, exit, this::output);
        List<JsonNode> objects = new ArrayList<>();
        for (String line : out().lines().toList()) {
            objects.add(new ObjectMapper().readTree(line));
        }
        assertEquals(5, objects.size(), this::output);
        for (String node : List.of(a, b)) {
            List<JsonNode> mine = objects.stream().filter(o -> o.get("node").asText().equals(node)).toList();
            assertEquals(List.of("memory(heap)", "erlang:memory(heap)"),
                    mine.stream().map(o -> o.get("call").asText()).toList(), this::output);
            assertTrue(mine.stream().allMatch(o -> o.get("ok").asBoolean() && o.has("result")), this::output);
        }
        JsonNode failed = objects.stream().filter(o -> o.get("node").asText().equals(dead)).findFirst().orElseThrow();
        assertEquals(false, failed.get("ok").asBoolean());
        assertEquals("unreachable", failed.get("error").get("code").asText());
    }

    @Test
    void anAuthenticationRefusalOutranksAnUnreachableNodeAndAFailedCall() throws Exception {
        String dead = deadNode("dead");
        FakeNode stranger = new FakeNode(new Cookie(new byte[32]), "stranger", 1, 10); // another cookie
        nodes.add(stranger);
        String fine = node("fine", 1, 10);

        ExitCode exit = run(List.of(dead, stranger.address(), fine), List.of("memory(heap)"), false, 5_000);

        assertEquals(ExitCode.AUTH_REFUSED, exit, this::output);
        assertTrue(out().contains("1   (heap: 1 B)"), this::output);
    }

    @Test
    void aBadCallIsReportedOnceAndNoNodeIsContacted() throws Exception {
        ExitCode exit = run(List.of(deadNode("x"), deadNode("y")), List.of("memory(heap", "memory"), true, 5_000);

        assertEquals(ExitCode.USAGE, exit);
        assertEquals(1, out().lines().count(), this::output);
        assertTrue(out().contains("\"node\":null") && out().contains("\"code\":\"invalid\""), this::output);
    }

    private ExitCode run(List<String> typed, List<String> calls, boolean json, int timeoutMillis) {
        Connector connector = new Connector(new DiagHome(dir), dir.resolve("cookie").toString(), timeoutMillis);
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return FleetRunner.run(connector, typed, calls, json, 100, out, err);
    }

    private String node(String name, long bytes, int answers) throws Exception {
        FakeNode node = new FakeNode(cookie, name, bytes, answers);
        nodes.add(node);
        return node.address();
    }

    /** A node name with a port nothing listens on. */
    private static String deadNode(String name) throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return name + "@127.0.0.1:" + probe.getLocalPort();
        }
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private String output() {
        return "--- stdout\n" + out() + "--- stderr\n" + err();
    }
}
