package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.node.LocalHost;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/diag} against a fleet of real target JVMs at once: {@code --nodes}, output grouped
 * by node, {@code --json} objects per node per call, calls piped to stdin, and nodes that are
 * killed or hung while the others answer.
 */
class FleetIT {
    private static final String HOST = LocalHost.name();
    private static DiagHomeDir home;
    private static List<TargetJvm> fleet;

    /** Three nodes that stay alive for the tests that do not harm them. */
    @BeforeAll
    static void startFleet() throws Exception {
        home = new DiagHomeDir();
        fleet = start(home, "alpha", "beta", "gamma");
    }

    @AfterAll
    static void stopFleet() throws Exception {
        for (TargetJvm target : fleet) {
            target.close();
        }
        home.close();
    }

    @Test
    void groupsOutputByNodeInTheOrderGivenAndASingleNodeHasNoHeader() throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--nodes", "gamma,alpha", "--node", "beta",
                "--cmd", "memory(heap)", "--cmd", "processes()");

        assertEquals(0, run.exit(), run::toString);
        assertEquals("", run.err(), run::toString);
        List<String> lines = run.outLines();
        List<String> headers = lines.stream().filter(l -> l.startsWith("== ")).toList();
        assertEquals(List.of("== gamma@" + HOST + " ==", "== alpha@" + HOST + " ==", "== beta@" + HOST + " =="),
                headers, run::toString);
        for (String header : headers) { // each block: its heap, then its processes
            int at = lines.indexOf(header);
            assertTrue(lines.get(at + 1).contains("(heap: "), run::toString);
            assertTrue(lines.get(at + 3).startsWith("[<"), run::toString);
        }

        DiagCli.Run single = DiagCli.run(home, "--nodes", "alpha", "--cmd", "memory(heap)");
        assertEquals(0, single.exit(), single::toString);
        assertEquals(1, single.outLines().size(), single::toString);
        assertTrue(single.out().contains("(heap: "), single::toString);
    }

    @Test
    void jsonPrintsExactlyOneObjectPerNodePerCall() throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--json", "--nodes", "alpha,beta,gamma",
                "--cmd", "memory(heap)", "--cmd", "memory");

        assertEquals(0, run.exit(), run::toString);
        List<JsonNode> objects = objects(run);
        assertEquals(6, objects.size(), run::toString);
        for (String node : List.of("alpha", "beta", "gamma")) {
            List<JsonNode> mine = objects.stream().filter(o -> o.get("node").asText().equals(node + "@" + HOST)).toList();
            assertEquals(List.of("memory(heap)", "memory()"), mine.stream().map(o -> o.get("call").asText()).toList(),
                    run::toString);
            assertTrue(mine.stream().allMatch(o -> o.get("ok").asBoolean() && o.get("result").isObject()), run::toString);
        }
    }

    @Test
    void readsTheCallsPipedToStdin() throws Exception {
        DiagCli.Run run = DiagCli.runWithInput(home, "memory(heap)\nprocesses()\n", "--node", "alpha");

        assertEquals(0, run.exit(), run::toString);
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), run::toString);
        assertTrue(lines.get(0).contains("(heap: ") && lines.get(2).startsWith("[<"), run::toString);

        DiagCli.Run fleetRun = DiagCli.runWithInput(home, "% a comment, then a blank line\n\nmemory(heap)\nprocesses()\n",
                "--json", "--nodes", "alpha,beta");
        assertEquals(0, fleetRun.exit(), fleetRun::toString);
        List<String> calls = objects(fleetRun).stream().map(o -> o.get("node").asText() + " " + o.get("call").asText())
                .toList();
        assertEquals(List.of("alpha@" + HOST + " memory(heap)", "alpha@" + HOST + " processes()",
                "beta@" + HOST + " memory(heap)", "beta@" + HOST + " processes()"), calls, fleetRun::toString);
    }

    @Test
    void aHungNodeDoesNotStallTheOthersBeyondTheTimeout() throws Exception {
        TargetJvm beta = fleet.get(1);
        beta.suspend();
        try {
            long start = System.nanoTime();
            DiagCli.Run run = DiagCli.run(home, "--timeout", "3", "--nodes", "alpha,beta,gamma",
                    "--cmd", "memory(heap)", "--cmd", "processes()");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            assertEquals(3, run.exit(), run::toString);
            assertTrue(seconds < 3 + 4, "took " + seconds + " s with --timeout 3\n" + run);
            assertEquals(4, run.outLines().stream().filter(l -> l.contains("(heap: ") || l.startsWith("[<")).count(),
                    run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().startsWith("diag: beta@" + HOST + ": ") && run.err().contains("within 3 s"), run::toString);
        } finally {
            beta.resume();
        }
    }

    // The nodes a test kills are its own, in the same DIAG_HOME as the fleet: the nodes of one host
    // share one cookie (and one directory port, which would refuse another home's cookie).
    @Test
    void aNodeKilledBeforeTheRunIsReportedAndTheOthersAnswerEveryCall() throws Exception {
        List<TargetJvm> targets = start(home, "one", "two", "three");
        try {
            targets.get(1).kill(); // kill -9: no shutdown hook, its registry entry stays behind

            DiagCli.Run run = DiagCli.run(home, "--json", "--nodes", "one,two,three",
                    "--cmd", "memory(heap)", "--cmd", "processes()");

            assertEquals(3, run.exit(), run::toString);
            List<JsonNode> objects = objects(run);
            assertEquals(5, objects.size(), run::toString);
            for (String node : List.of("one", "three")) {
                assertEquals(2, objects.stream().filter(o -> o.get("node").asText().equals(node + "@" + HOST)
                        && o.get("ok").asBoolean()).count(), run::toString);
            }
            JsonNode dead = objects.stream().filter(o -> !o.get("ok").asBoolean()).findFirst().orElseThrow();
            assertEquals("two@" + HOST, dead.get("node").asText(), run::toString);
            assertEquals("unreachable", dead.get("error").get("code").asText(), run::toString);
            assertTrue(run.err().startsWith("diag: two@" + HOST + ": "), run::toString);
        } finally {
            close(targets);
        }
    }

    @Test
    void aNodeKilledDuringTheRunIsReportedWithoutWaitingForTheTimeout() throws Exception {
        List<TargetJvm> targets = start(home, "uno", "dos", "tres");
        TargetJvm dos = targets.get(1);
        try {
            dos.suspend(); // diag connects and waits for its handshake...
            long start = System.nanoTime();
            DiagCli.Running running = DiagCli.start(home, null, "--timeout", "30", "--nodes", "uno,dos,tres",
                    "--cmd", "memory(heap)", "--cmd", "processes()");
            Thread.sleep(1_500);
            dos.kill(); // ...and the node dies under it (SIGKILL ends a stopped process too)
            DiagCli.Run run = running.finish();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            assertEquals(3, run.exit(), run::toString);
            assertTrue(seconds < 15, "took " + seconds + " s: the dead node's error waited for the timeout\n" + run);
            assertEquals(List.of("== uno@" + HOST + " ==", "== dos@" + HOST + " ==", "== tres@" + HOST + " =="),
                    run.outLines().stream().filter(l -> l.startsWith("== ")).toList(), run::toString);
            assertEquals(4, run.outLines().stream().filter(l -> l.contains("(heap: ") || l.startsWith("[<")).count(),
                    run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().startsWith("diag: dos@" + HOST + ": "), run::toString);
        } finally {
            if (dos.isAlive()) {
                dos.resume();
            }
            close(targets);
        }
    }

    @Test
    void theConsoleWantsOneNode() throws Exception {
        DiagCli.Run run = DiagCli.run(home, "attach", "--nodes", "alpha,beta");

        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("one node"), run::toString);
    }

    /** Starts the targets side by side (each waits for its own registration). */
    private static List<TargetJvm> start(DiagHomeDir dir, String... names) throws Exception {
        List<CompletableFuture<TargetJvm>> starting = new ArrayList<>();
        for (String name : names) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return TargetJvm.start(dir, name);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<TargetJvm> targets = new ArrayList<>();
        for (CompletableFuture<TargetJvm> target : starting) {
            targets.add(target.get(60, TimeUnit.SECONDS));
        }
        return targets;
    }

    private static void close(List<TargetJvm> targets) throws InterruptedException {
        for (TargetJvm target : targets) {
            target.close();
        }
    }

    private static List<JsonNode> objects(DiagCli.Run run) throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : run.outLines()) {
            objects.add(Json.mapper().readTree(line));
        }
        return objects;
    }
}
