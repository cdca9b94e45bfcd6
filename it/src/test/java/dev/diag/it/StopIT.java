package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * stop(): the agent taken out of real target JVMs, checked from outside as an operator would:
 * no thread named diag-… left (/proc/PID/task), its port refusing connections, its registry entry
 * gone from bin/diag nodes, no object of the agent left on the heap after a full GC (jcmd's class
 * histogram), the app printing on, and a second inject answering calls. Resident set and thread
 * counts before inject, after inject and a few calls, and after stop are printed for
 * docs/functions/stop.md.
 */
class StopIT {
    /** The agent's objects that hold everything else it made: none may outlive stop() and a full GC. */
    private static final List<String> AGENT_ROOTS = List.of("dev.diag.agent.RunningAgent",
            "dev.diag.agent.server.DiagServer", "dev.diag.agent.functions.Functions", "dev.diag.agent.probe.JdkInternals",
            "dev.diag.agent.code.CodeLoader", "dev.diag.agent.probe.GcHistory", "dev.diag.agent.probe.ShutdownWatch");

    @Test
    void stopOnJdk17LeavesNothingRunningAndASecondInjectWorks() throws Exception {
        stopsAnInjectedAgentAndInjectsAgain(Jdks.current());
    }

    @Test
    void stopOnJdk25LeavesNothingRunningAndASecondInjectWorks() throws Exception {
        stopsAnInjectedAgentAndInjectsAgain(Jdks.requireModern());
    }

    private void stopsAnInjectedAgentAndInjectsAgain(Path java) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm app = TargetJvm.startPlain(java, home, Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.TickingTarget", "-XX:+EnableDynamicAgentLoading")) {
            Thread.sleep(2_000); // past the JVM's own start-up threads (compiler threads come and go)
            ProcessFootprint before = ProcessFootprint.of(app.pid());
            assertEquals(0, DiagCli.run(home, "inject", Long.toString(app.pid()), "--name", "guest").exit());
            for (String call : List.of("memory()", "i()", "regs()", "why()", "backtraces()")) {
                DiagCli.Run run = DiagCli.run(home, "--node", "guest", "--cmd", call);
                assertEquals(0, run.exit(), run::toString);
            }
            ProcessFootprint injected = ProcessFootprint.of(app.pid());
            assertFalse(injected.agentThreads().isEmpty(), injected::toString);
            // set under the relocated names in the shaded jar (a literal "io.netty." prefix would be relocated too)
            assertTrue(agentProperties(java, app.pid()).containsAll(List.of("dev.diag.agent.shaded.io.netty.noUnsafe=true",
                    "dev.diag.agent.shaded.io.netty.allocator.type=unpooled",
                    "dev.diag.agent.shaded.io.netty.leakDetection.level=disabled",
                    "dev.diag.agent.shaded.io.netty.recycler.maxCapacityPerThread=0")), () -> agentPropertiesText(java, app.pid()));
            NodeRecord record = new NodeRegistry(home.path().resolve("nodes")).lookup("guest").orElseThrow();

            DiagCli.Run stop = DiagCli.run(home, "--node", "guest", "--cmd", "stop()");

            assertEquals(0, stop.exit(), stop::toString);
            assertTrue(stop.out().startsWith("guest@") && stop.out().contains(" stops: "), stop::toString);
            ProcessFootprint stopped = awaitNoAgentThreads(app.pid());
            assertRefused(record);
            assertTrue(home.directoryPort() == 0 || refuses(home.directoryPort()), "the directory port is still served");
            DiagCli.Run nodes = DiagCli.run(home, "nodes");
            assertFalse(nodes.out().contains("guest"), nodes::toString);
            assertNoAgentObjects(java, app.pid());
            assertNoAgentProperties(java, app.pid());
            ProcessFootprint collected = ProcessFootprint.of(app.pid()); // after the histogram's full GC
            assertAppRunsOn(app);
            System.out.printf("stop: %s before inject rss=%.1f MiB threads=%d; injected + 5 calls rss=%.1f MiB threads=%d "
                    + "(agent's %s); after stop rss=%.1f MiB threads=%d (new since before inject: %s); after a full GC "
                    + "rss=%.1f MiB%n", java, before.rssMib(), before.threads(), injected.rssMib(), injected.threads(),
                    injected.agentThreads(), stopped.rssMib(), stopped.threads(), stopped.newSince(before),
                    collected.rssMib());

            DiagCli.Run again = DiagCli.run(home, "inject", Long.toString(app.pid()), "--name", "again");
            assertEquals(0, again.exit(), again::toString);
            assertTrue(again.out().contains("running as node again@"), again::toString);
            DiagCli.Run memory = DiagCli.run(home, "--node", "again", "--cmd", "memory(heap)");
            assertEquals(0, memory.exit(), memory::toString);
        }
    }

    @Test
    void aNodeStartedWithJavaagentStopsAndTakesAnInjectAfterwards() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm node = TargetJvm.start(Jdks.current(), home, "premain", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.TickingTarget")) {
            NodeRecord record = new NodeRegistry(home.path().resolve("nodes")).lookup("premain").orElseThrow();

            DiagCli.Run stop = DiagCli.run(home, "--node", "premain", "--cmd", "stop()");

            assertEquals(0, stop.exit(), stop::toString);
            awaitNoAgentThreads(node.pid());
            String audit = Files.readString(home.path().resolve("audit.log"));
            assertTrue(audit.lines().anyMatch(l -> l.contains(" premain ok ") && l.endsWith(" stop()")), audit);
            assertRefused(record);
            assertTrue(refuses(home.directoryPort()), "the directory port is still served");
            assertTrue(new NodeRegistry(home.path().resolve("nodes")).lookup("premain").isEmpty());
            assertAppRunsOn(node);
            DiagCli.Run inject = DiagCli.run(home, "inject", Long.toString(node.pid()), "--name", "later");
            assertEquals(0, inject.exit(), inject::toString);
            assertEquals(0, DiagCli.run(home, "--node", "later", "--cmd", "memory(heap)").exit());
        }
    }

    @Test
    void aNodeHeartWatchesStopsOnlyWithHeartAndHeartExitsWithoutARestart() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm node = TargetJvm.start(Jdks.current(), home, "watched", "heart=true,heart-timeout=10",
                        Repo.TEST_CLASSES.toString(), "dev.diag.it.fixture.TickingTarget")) {
            DiagCli.Run refused = DiagCli.run(home, "--node", "watched", "--cmd", "stop()");
            assertTrue(refused.exit() != 0, refused::toString);
            assertTrue(refused.err().startsWith("diag: ") && refused.err().contains("stop(heart)"), refused::toString);
            assertEquals(0, DiagCli.run(home, "--node", "watched", "--cmd", "memory(heap)").exit(), "still running");
            ProcessHandle heart = ProcessHandle.of(node.pid()).orElseThrow().children().findFirst().orElseThrow();

            DiagCli.Run stop = DiagCli.run(home, "--node", "watched", "--cmd", "stop(heart)");

            assertEquals(0, stop.exit(), stop::toString);
            assertTrue(stop.out().contains("heart said goodbye"), stop::toString);
            heart.onExit().get(10, TimeUnit.SECONDS);
            awaitNoAgentThreads(node.pid());
            assertAppRunsOn(node);
            Thread.sleep(11_000); // past heart's timeout: nothing kills the node once heart said goodbye
            assertTrue(node.isAlive(), node.output());
            assertTrue(node.output().contains("said goodbye"), node.output());
        }
    }

    /** Polls: the last thread ("diag-stop") ends once the agent is closed, a second or two after the answer. */
    private static ProcessFootprint awaitNoAgentThreads(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        ProcessFootprint now = ProcessFootprint.of(pid);
        while (!now.agentThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = ProcessFootprint.of(pid);
        }
        assertEquals(List.of(), now.agentThreads(), "the agent's threads still running 10 s after stop()");
        return now;
    }

    private static void assertRefused(NodeRecord record) {
        assertThrows(ConnectException.class, () -> new Socket(record.bind(), record.port()).close(),
                "the node's port " + record.port() + " still accepts connections");
    }

    private static boolean refuses(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** No system property of the agent's is left: its node name and status, nor its Netty's (NettyProperties). */
    private static void assertNoAgentProperties(Path java, long pid) throws IOException, InterruptedException {
        assertEquals(List.of(), agentProperties(java, pid));
    }

    /** The target's system properties named dev.diag.* or io.netty.*, as jcmd lists them ("name=value"). */
    private static List<String> agentProperties(Path java, long pid) throws IOException, InterruptedException {
        String text = agentPropertiesText(java, pid);
        assertTrue(text.contains("java.version="), text); // the listing is there, so an absence means something
        return text.lines().filter(l -> l.startsWith("dev.diag.") || l.startsWith("io.netty.")).toList();
    }

    private static String agentPropertiesText(Path java, long pid) {
        try {
            Process properties = new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(pid),
                    "VM.system_properties").redirectErrorStream(true).start();
            String text = new String(properties.getInputStream().readAllBytes());
            assertTrue(properties.waitFor(60, TimeUnit.SECONDS) && properties.exitValue() == 0, text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted reading the target's properties", e);
        }
    }

    /** A full GC (the histogram makes one), then none of the agent's holders may be left. */
    private static void assertNoAgentObjects(Path java, long pid) throws IOException, InterruptedException {
        Path jcmd = java.resolveSibling("jcmd");
        Process histogram = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String text = new String(histogram.getInputStream().readAllBytes());
        assertTrue(histogram.waitFor(60, TimeUnit.SECONDS) && histogram.exitValue() == 0, text);
        List<String> left = text.lines().filter(l -> AGENT_ROOTS.stream().anyMatch(r -> l.endsWith(" " + r))).toList();
        assertEquals(List.of(), left, "objects of the agent still reachable after stop()");
        long bytes = text.lines().filter(l -> l.contains("dev.diag.")).mapToLong(StopIT::histogramBytes).sum();
        System.out.println("stop: after stop and a full GC, " + bytes + " bytes in objects of diag's classes (the "
                + "static state of classes the JVM keeps loaded), of the agent's own: " + text.lines()
                        .filter(l -> l.contains(" dev.diag.agent.") && !l.contains(".shaded.") && !l.contains("$$Lambda"))
                        .map(l -> l.replaceAll("^\\s*\\d+:\\s+", "").replaceAll("\\s+", " ")).toList());
    }

    /** "   7:   312   22464  dev.diag.Some" → 22464. */
    private static long histogramBytes(String line) {
        String[] columns = line.strip().split("\\s+");
        return columns.length >= 4 ? Long.parseLong(columns[2]) : 0;
    }

    private static void assertAppRunsOn(TargetJvm app) throws IOException, InterruptedException {
        long ticks = app.output().lines().filter(l -> l.startsWith("tick ")).count();
        Thread.sleep(500);
        assertTrue(app.isAlive(), app.output());
        assertTrue(app.output().lines().filter(l -> l.startsWith("tick ")).count() > ticks, "the app stopped ticking");
    }
}
