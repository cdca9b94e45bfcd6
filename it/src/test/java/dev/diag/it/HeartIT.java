package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * heart with real processes: a node started with {@code heart=true,heart-timeout=10} (the
 * minimum, to keep each case within 5 to 25 s) whose restart command, read from
 * heart-command-file=, writes the new pid to a file and starts the same fixture under the same
 * name, as a service's own command line would. Every process a case starts is killed at its end,
 * heart processes first (so that no kill becomes a restart) and restarted nodes too, found by the
 * pid file and by pid only. The measured times are printed, for docs/heart.md.
 */
class HeartIT {
    private static final int TIMEOUT = 10;
    private static final Pattern HEART_LINE = Pattern.compile("heart: (\\S+Z) .*killing it \\(SIGKILL\\)");

    @Test
    void aStoppedNodeIsKilledAndRestartedUnderItsNameWithinTheTimeoutAndTwoSeconds() throws Exception {
        try (HeartNode node = HeartNode.start("stopped")) {
            node.awaitStatus("beating", s -> s.has("lastBeatMillis"));
            Instant stoppedAt = Instant.now();
            long stopped = System.nanoTime();
            node.target.suspend(); // SIGSTOP: every thread of the JVM stops, the beat thread too

            long restarted = node.awaitRestart(stopped, Duration.ofSeconds(TIMEOUT + 2));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
            String log = node.target.output();
            Matcher killed = HEART_LINE.matcher(log);
            assertTrue(killed.find(), log);
            long killedAfter = Duration.between(stoppedAt, Instant.parse(killed.group(1))).toMillis();
            System.out.println("heart: SIGSTOP -> SIGKILL " + killedAfter + " ms, SIGSTOP -> restart command ran "
                    + tookMillis + " ms (timeout " + TIMEOUT + " s)");
            assertTrue(log.contains("its beat thread made no progress"), log);
            assertTrue(log.contains("ran the restart command"), log);
            assertFalse(node.target.isAlive(), "the stopped node was killed");

            NodeRecord record = node.awaitRegistered(restarted);
            System.out.println("heart: SIGSTOP -> restarted node registered as " + node.name + " "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped) + " ms");
            assertNotEquals(node.target.pid(), record.pid());
            JsonNode status = node.call("heart:status()");
            assertEquals("beating", status.get("state").asText(), status::toString);
            assertEquals(1, status.get("restarts").asInt(), status::toString);
            assertTrue(status.get("lastRestart").asText().contains("no beat for"), status::toString);
            assertEquals("heart-command-file", status.get("commandSource").asText(), status::toString);
        }
    }

    @Test
    void aKilledNodeIsRestartedAtOnceWithA64KiBMultibyteCommandSetLive() throws Exception {
        try (HeartNode node = HeartNode.start("killed")) {
            node.awaitStatus("beating", s -> s.has("lastBeatMillis"));
            StringBuilder padding = new StringBuilder();
            while (padding.length() < 65_536) {
                padding.append("ünï€😀 \"q\" \\ ");
            }
            Path echoed = node.home.path().resolve("echoed");
            String command = "printf '%s' '" + padding + "' > '" + echoed + "'; " + node.restartCommand();
            String call = "heart:set_cmd(\"" + command.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";

            // from stdin: one argument of bin/diag may not be this long
            DiagCli.Run run = DiagCli.runWithInput(node.home, call + "\nheart:get_cmd()\nheart:clear_cmd()\n" + call + "\n",
                    "--node", node.name, "--json");
            assertEquals(0, run.exit(), () -> run.toString().substring(0, Math.min(2000, run.toString().length())));
            List<JsonNode> results = new ArrayList<>();
            for (String line : run.outLines()) {
                results.add(Json.mapper().readTree(line).get("result"));
            }
            assertEquals(4, results.size());
            assertEquals(command, results.get(0).get("command").asText());
            assertEquals("set_cmd", results.get(0).get("source").asText());
            assertEquals(command, results.get(1).get("command").asText(), "get_cmd gives back exactly what was set");
            assertEquals(node.restartCommand(), results.get(2).get("command").asText(), "clear_cmd: back to the file's");
            assertEquals("heart-command-file", results.get(2).get("source").asText());
            assertEquals(command, results.get(3).get("command").asText());

            long killed = System.nanoTime();
            node.target.kill();
            node.awaitRestart(killed, Duration.ofSeconds(3));
            System.out.println("heart: kill -9 -> restart command ran "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed) + " ms");
            assertEquals(padding.toString(), Files.readString(echoed, StandardCharsets.UTF_8), "heart ran the command as set");
            assertTrue(node.target.output().contains("gone without saying goodbye"), node.target.output());
        }
    }

    @Test
    void aCleanExitIsNotRestartedAndHeartExits() throws Exception {
        try (HeartNode node = HeartNode.start("clean")) {
            ProcessHandle heart = ProcessHandle.of(node.heartPid()).orElseThrow();

            node.target.close(); // SIGTERM: shutdown hooks run, the agent says goodbye

            heart.onExit().get(5, TimeUnit.SECONDS);
            Thread.sleep(1_500);
            assertFalse(Files.exists(node.pidFile), "no restart after a clean exit");
            assertTrue(node.target.output().contains("said goodbye (a clean exit, or its agent stopped): heart exits, "
                    + "no restart"), node.target.output());
        }
    }

    /** A node whose app threads spin on every core is busy, not hung: it beats on past the timeout. */
    @Test
    void aBusyNodeBeatsOnAndAFailingHealthCheckWithholdsTheBeatUntilHeartRestartsIt() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path sick = home.path().resolve("sick");
            try (HeartNode node = HeartNode.start(home, "sickly", sick.toString(), "busy")) {
                JsonNode healthy = node.awaitStatus("beating", s -> s.get("checks").size() == 1);
                assertEquals("healthy", healthy.get("checks").get(0).get("state").asText(), healthy::toString);
                Thread.sleep(TimeUnit.SECONDS.toMillis(TIMEOUT + 1));
                assertFalse(Files.exists(node.pidFile), "a busy node was restarted:\n" + node.target.output());
                JsonNode busy = node.awaitStatus("beating", s -> true);
                assertTrue(System.currentTimeMillis() - busy.get("lastBeatMillis").asLong() < 3_000, busy::toString);

                long madeSick = System.nanoTime();
                Files.createFile(sick);

                JsonNode withholding = node.awaitStatus("withholding", s -> true);
                assertEquals("health check 'fixture' (the test made it sick) failing",
                        withholding.get("withholdingBecause").asText(), withholding::toString);
                node.awaitRestart(madeSick, Duration.ofSeconds(TIMEOUT + 2));
                System.out.println("heart: health check failing -> restart command ran "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - madeSick) + " ms");
                assertTrue(node.target.output().contains("because health check 'fixture' (the test made it sick) failing; "
                        + "killing it (SIGKILL)"), node.target.output());
            }
        }
    }

    @Test
    void killingHeartLeavesTheNodeRunningWithoutAWatchdog() throws Exception {
        try (HeartNode node = HeartNode.start("orphan")) {
            ProcessHandle heart = ProcessHandle.of(node.heartPid()).orElseThrow();
            heart.destroyForcibly();
            heart.onExit().get(5, TimeUnit.SECONDS);

            JsonNode gone = node.awaitStatus("gone", s -> true);
            assertTrue(gone.get("note").asText().startsWith("heart (pid " + heart.pid() + ") exited with status 137"),
                    gone::toString);
            assertTrue(node.target.output().contains("runs on without a watchdog"), node.target.output());
            assertTrue(node.target.isAlive());
            DiagCli.Run set = DiagCli.run(node.home, "--node", node.name, "--cmd", "heart:set_cmd(\"true\")");
            assertEquals(1, set.exit(), set::toString);
            assertTrue(set.err().contains("heart is gone"), set::toString);
        }
    }

    @Test
    void aTimeoutUnderTenSecondsIsRefusedAndTheJvmRunsOnWithoutTheAgent() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.startPlain(Jdks.current(), home, Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.IdleTarget",
                        "-javaagent:" + Repo.AGENT_JAR + "=name=hasty,heart=true,heart-timeout=5")) {
            String first = target.output().lines().findFirst().orElse("");
            assertEquals("diag: not started: agent option heart-timeout=5 must be a number of seconds from 10 to 86400 "
                    + "(a shorter one would restart nodes that are only slow)", first);
            Thread.sleep(300);
            assertTrue(target.isAlive());
            assertTrue(ProcessHandle.of(target.pid()).orElseThrow().children().findAny().isEmpty(), "no heart started");
        }
    }

    /** A node with heart on, its restart command, and every process it may leave behind. */
    private static final class HeartNode implements AutoCloseable {
        final DiagHomeDir home;
        final boolean ownsHome;
        final String name;
        final Path commandFile;
        final Path pidFile;
        final TargetJvm target;
        private final Set<Long> seen = new LinkedHashSet<>();

        private HeartNode(DiagHomeDir home, boolean ownsHome, String name, Path commandFile, Path pidFile, TargetJvm target) {
            this.home = home;
            this.ownsHome = ownsHome;
            this.name = name;
            this.commandFile = commandFile;
            this.pidFile = pidFile;
            this.target = target;
            seen.add(target.pid());
        }

        static HeartNode start(String name) throws Exception {
            DiagHomeDir home = new DiagHomeDir();
            try {
                return start(home, true, name);
            } catch (Exception | Error e) {
                home.close();
                throw e;
            }
        }

        static HeartNode start(DiagHomeDir home, String name, String... fixtureArgs) throws Exception {
            return start(home, false, name, fixtureArgs);
        }

        private static HeartNode start(DiagHomeDir home, boolean ownsHome, String name, String... fixtureArgs)
                throws Exception {
            Path commandFile = home.path().resolve("restart-command");
            Path pidFile = home.path().resolve("restarted.pid");
            Files.writeString(commandFile, command(name, commandFile, pidFile) + "\n", StandardCharsets.UTF_8);
            TargetJvm target = TargetJvm.start(Jdks.current(), home, name, agentOptions(commandFile),
                    Repo.TEST_CLASSES.toString(), "dev.diag.it.fixture.HeartTarget", fixtureArgs);
            return new HeartNode(home, ownsHome, name, commandFile, pidFile, target);
        }

        private static String agentOptions(Path commandFile) {
            return "heart=true,heart-timeout=" + TIMEOUT + ",heart-command-file=" + commandFile;
        }

        /** Notes its pid, then becomes the same node again: what a service's restart command does. */
        private static String command(String name, Path commandFile, Path pidFile) {
            return "echo $$ > '" + pidFile + "'; exec '" + Jdks.current() + "' -Xmx128m '-javaagent:" + Repo.AGENT_JAR
                    + "=name=" + name + "," + agentOptions(commandFile) + "' -cp '" + Repo.TEST_CLASSES
                    + "' dev.diag.it.fixture.HeartTarget";
        }

        String restartCommand() {
            return command(name, commandFile, pidFile);
        }

        /** The pid of the node's heart, as heart:status() says. */
        long heartPid() throws Exception {
            return awaitStatus("beating", s -> true).get("heartPid").asLong();
        }

        /** Waits until heart ran the restart command (the new node wrote its pid), at most {@code limit} after {@code since}. */
        long awaitRestart(long since, Duration limit) throws Exception {
            while (true) {
                Optional<Long> pid = restartedPid();
                if (pid.isPresent()) {
                    seen.add(pid.get());
                    long took = System.nanoTime() - since;
                    assertTrue(took <= limit.toNanos(), "restarted after " + TimeUnit.NANOSECONDS.toMillis(took)
                            + " ms, more than " + limit.toMillis() + " ms:\n" + target.output());
                    return pid.get();
                }
                if (System.nanoTime() - since > limit.toNanos() + TimeUnit.SECONDS.toNanos(5)) {
                    throw new AssertionError("no restart within " + limit.toMillis() + " ms:\n" + target.output());
                }
                Thread.sleep(20);
            }
        }

        private Optional<Long> restartedPid() throws IOException {
            try {
                String text = Files.readString(pidFile).strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
            } catch (java.nio.file.NoSuchFileException e) {
                return Optional.empty();
            }
        }

        /** Waits for the restarted node {@code pid} to register under the old name. */
        NodeRecord awaitRegistered(long pid) throws Exception {
            NodeRegistry registry = new NodeRegistry(home.path().resolve("nodes"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                Optional<NodeRecord> record = registry.lookup(name);
                if (record.isPresent() && record.get().pid() == pid) {
                    return record.get();
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the restarted node " + pid + " did not register as " + name + ":\n" + target.output());
        }

        /** One call's result, by --json. */
        JsonNode call(String expression) throws Exception {
            DiagCli.Run run = DiagCli.run(home, "--node", name, "--json", "--cmd", expression);
            assertEquals(0, run.exit(), run::toString);
            return Json.mapper().readTree(run.outLines().get(0)).get("result");
        }

        /** heart:status() once it is in {@code state} and {@code also} holds; fails after 5 s. */
        JsonNode awaitStatus(String state, java.util.function.Predicate<JsonNode> also) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            JsonNode status;
            do {
                status = call("heart:status()");
                if (status.get("state").asText().equals(state) && also.test(status)) {
                    return status;
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
            throw new AssertionError("heart:status() is not " + state + ": " + status);
        }

        /**
         * Kills what the case left: each node's heart first (SIGKILL: a heart that lives on would
         * restart the node), then the node; twice, in case a heart ran its command meanwhile.
         */
        @Override
        public void close() throws Exception {
            try {
                for (int round = 0; round < 3; round++) {
                    restartedPid().ifPresent(seen::add);
                    for (long pid : List.copyOf(seen)) {
                        ProcessHandle.of(pid).ifPresent(HeartNode::killWithHeart);
                    }
                    Thread.sleep(200);
                }
                target.close();
            } finally {
                if (ownsHome) {
                    home.close();
                }
            }
        }

        private static void killWithHeart(ProcessHandle node) {
            node.children().forEach(HeartNode::kill);
            kill(node);
        }

        private static void kill(ProcessHandle process) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // a zombie or a slow death: the next round looks again
            }
        }
    }
}
