package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * why() on each sick node of issue 14, in a real target JVM with the real library where one is
 * involved: the first finding is the story's, its summary names the culprit, its first pid is the
 * culprit and its next call names that pid; findings are ranked by how many processes they hold
 * up, and none is about diag's own threads. Each test first sees the sickness with the calls that
 * came before why() (regs(), i(), deadlocks(), memory(), system_info), so a failure says whether
 * the target or why() missed it. why() samples for about half a second, so it is polled.
 */
class WhyIT {
    private static final String FIXTURES = "dev.diag.it.fixture.";

    @Test
    void handlersStuckOnAFullLogbackQueueNameTheQueueAndItsWorker() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(Jdks.current(), home, "shop",
                false, FIXTURES + "LogbackBacklogTarget", "logback target ready")) {
            NodeCalls node = new NodeCalls(home, "shop");
            NodeCalls.await("the ASYNC appender's queue filling", () -> node.mailbox("ASYNC").orElse(null),
                    m -> m != null && m.get("size").asInt() >= 250);

            JsonNode first = awaitFirst(node, Set.of("mailbox")).get(0);
            assertCulprit(first, "AsyncAppender-Worker-ASYNC"::equals, "ASYNC", "AsyncAppender-Worker-ASYNC");
            assertTrue(first.get("heldUp").asInt() >= 40, "most of the 50 handlers are held up: " + first);
            assertDrainAtMost(first, 20, "the queue's take index");
            assertTrue(pidNames(first).stream().anyMatch(n -> n.startsWith("request-handler-")), first.toString());
        }
    }

    @Test
    void handlersStuckOnAFullLog4j2AsyncAppenderNameItAndItsDispatcher() throws Exception {
        String dispatcher = "AsyncAppenderEventDispatcher-1-ASYNC"; // log4j2 prefixes it with "Log4j2-"
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(Jdks.current(), home, "shop",
                false, FIXTURES + "Log4j2AsyncAppenderTarget", "log4j2 target ready")) {
            NodeCalls node = new NodeCalls(home, "shop");
            NodeCalls.await("the ASYNC appender's queue filling", () -> node.mailbox("ASYNC").orElse(null),
                    m -> m != null && m.get("size").asInt() >= 250);

            JsonNode first = awaitFirst(node, Set.of("mailbox")).get(0);
            assertCulprit(first, n -> n.endsWith(dispatcher), "ASYNC", dispatcher);
            assertTrue(first.get("heldUp").asInt() >= 40, "most of the 50 handlers are held up: " + first);
            assertDrainAtMost(first, 20, "the queue's take index");
        }
    }

    @Test
    void virtualHandlersStuckOnAFullLogbackQueueAreCountedAsHeldUpByIt() throws Exception {
        Path java = Jdks.requireModern();
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(java, home, "shop", "",
                Repo.frameworksClassPath(), FIXTURES + "LogbackBacklogTarget", "virtual")) {
            FrameworkTargets.awaitOutput(target, "logback target ready");
            NodeCalls node = new NodeCalls(home, "shop");
            NodeCalls.await("the ASYNC appender's queue filling", () -> node.mailbox("ASYNC").orElse(null),
                    m -> m != null && m.get("size").asInt() >= 250);

            JsonNode first = NodeCalls.await("most virtual handlers counted as parked on ASYNC",
                    () -> awaitFirst(node, Set.of("mailbox")).get(0), f -> f.get("heldUp").asInt() >= 40);
            assertCulprit(first, "AsyncAppender-Worker-ASYNC"::equals, "ASYNC", "AsyncAppender-Worker-ASYNC");
            assertTrue(first.get("evidence").toString().contains("of them virtual)"), first.toString());
            assertTrue(pidNames(first).stream().anyMatch(n -> n.startsWith("request-handler-")),
                    "the virtual handlers by name: " + first);
        }
    }

    @Test
    void virtualThreadsQueuedForOneHeldLockAreAConvoyNamingItsHolder() throws Exception {
        Path java = Jdks.requireModern();
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(java, home, "vt", "",
                Repo.TEST_CLASSES.toString(), FIXTURES + "VirtualThreadsTarget", "20000")) {
            FrameworkTargets.awaitOutput(target, "virtual threads up");
            NodeCalls node = new NodeCalls(home, "vt");

            JsonNode report = why(node);
            JsonNode convoy = report.get("findings").get(0);
            assertEquals("convoy", convoy.get("kind").asText(), report::toString);
            assertCulprit(convoy, "vt-lock-holder"::equals, "ReentrantLock", "vt-lock-holder");
            assertEquals(7, convoy.get("heldUp").asInt(), "VirtualThreadsTarget's 7 lock waiters: " + convoy);
            assertTrue(convoy.get("evidence").get(0).asText().endsWith("7 virtual parked on the lock"), convoy.toString());
            assertEquals(8, convoy.get("pids").size(), "the holder and its 7 waiters: " + convoy);
            assertTrue(report.get("note").asText().contains("virtual thread(s) looked at"), report.toString());
        }
    }

    @Test
    void aFullLog4j2AsyncLoggerRingIsNamedWithItsDrainFromTheRingsSequences() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(Jdks.current(), home, "shop",
                false, FIXTURES + "Log4j2AsyncLoggerTarget", "log4j2 async loggers ready")) {
            NodeCalls node = new NodeCalls(home, "shop");
            NodeCalls.await("the ring filling", node::mailboxes, all -> all.stream().anyMatch(
                    m -> m.get("name").asText().startsWith("AsyncLogger[") && m.get("size").asInt() >= 250));

            JsonNode finding = NodeCalls.await("a finding about the ring", () -> ringFinding(why(node)), f -> f != null);
            assertCulprit(finding, n -> n.contains("AsyncLogger["), "AsyncLogger[");
            assertDrainAtMost(finding, 20, "the ring's slowest consumer sequence");
        }
    }

    /** The mailbox finding about log4j2's async logger ring, or null. */
    private static JsonNode ringFinding(JsonNode report) {
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("kind").asText().equals("mailbox") && finding.get("summary").asText().contains("AsyncLogger[")) {
                return finding;
            }
        }
        return null;
    }

    @Test
    void aTomcatPoolSerialisedOnOneLockNamesTheLockAndItsHolder() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(Jdks.current(), home, "shop", "",
                Repo.frameworksClassPath(), FIXTURES + "TomcatBacklogTarget", "lock")) {
            NodeCalls node = new NodeCalls(home, "shop");
            Predicate<JsonNode> exec = r -> r.get("name").asText().contains("-exec-");
            List<JsonNode> rows = NodeCalls.await("19 Tomcat workers BLOCKED behind the 20th", node::processes,
                    all -> all.stream().filter(exec.and(r -> r.get("state").asText().equals("BLOCKED"))).count() == 19);
            String holder = rows.stream().filter(exec.and(r -> !r.get("state").asText().equals("BLOCKED")))
                    .map(r -> r.get("name").asText()).findFirst().orElseThrow();

            List<JsonNode> findings = awaitFirst(node, Set.of("convoy", "saturated_pool"));
            JsonNode convoy = findings.stream().filter(f -> f.get("kind").asText().equals("convoy")).findFirst()
                    .orElseThrow(() -> new AssertionError("no convoy among " + findings));
            assertCulprit(convoy, holder::equals, "Object", holder);
            assertTrue(convoy.get("heldUp").asInt() >= 19, "the 19 BLOCKED workers: " + convoy);
            JsonNode pool = findings.stream().filter(f -> f.get("kind").asText().equals("saturated_pool")).findFirst()
                    .orElseThrow(() -> new AssertionError("no saturated pool among " + findings));
            assertTrue(pool.get("evidence").toString().contains("0/s completed, 0/s arrived over the window (from "
                    + "completed tasks)"), "requests take a minute, counted from Tomcat's workers: " + pool);
        }
    }

    @Test
    void aBackedUpPekkoActorIsNamedByItsPath() throws Exception {
        List<String> actors = List.of("pekko://shop/user/slow-1", "pekko://shop/user/slow-2",
                "pekko://shop/user/slow-classic");
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(Jdks.current(), home, "shop",
                false, FIXTURES + "PekkoBacklogTarget", "pekko target ready")) {
            NodeCalls node = new NodeCalls(home, "shop");
            NodeCalls.await("the three actors' mailboxes backed up", node::mailboxes, all -> actors.stream().allMatch(
                    path -> all.stream().anyMatch(m -> m.get("name").asText().equals(path) && m.get("size").asInt() > 1_000)));

            List<JsonNode> findings = awaitFirst(node, Set.of("mailbox"));
            JsonNode actor = findings.stream().filter(f -> f.get("kind").asText().equals("mailbox")
                    && actors.stream().anyMatch(f.get("summary").asText()::contains)).findFirst()
                    .orElseThrow(() -> new AssertionError("no finding names an actor: " + findings));
            assertCulprit(actor, n -> n.startsWith("shop-pekko.actor.default-dispatcher-"));
        }
    }

    @Test
    void aDeadlockNamesBothThreads() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(Jdks.current(), home, "stuck", "",
                Repo.TEST_CLASSES.toString(), FIXTURES + "DeadlockTarget", "monitors")) {
            NodeCalls node = new NodeCalls(home, "stuck");
            NodeCalls.await("the monitor deadlock", () -> node.json("deadlocks()").get(0).get("result").get("deadlocks"),
                    d -> d.size() == 1);

            JsonNode first = awaitFirst(node, Set.of("deadlock")).get(0);
            assertCulprit(first, Set.of("monitor-a", "monitor-b")::contains, "monitor-a", "monitor-b");
            assertTrue(first.get("heldUp").asInt() >= 2, first.toString());
        }
    }

    @Test
    void aThreadSpinningOnACoreIsNamed() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(Jdks.current(), home, "busy", "",
                Repo.TEST_CLASSES.toString(), FIXTURES + "BusyTarget")) {
            NodeCalls node = new NodeCalls(home, "busy");
            NodeCalls.await("the spinner running", node::processes, rows -> rows.stream().anyMatch(
                    r -> r.get("name").asText().equals("spinner") && r.get("state").asText().equals("RUNNABLE")));

            JsonNode first = awaitFirst(node, Set.of("spinning")).get(0);
            assertCulprit(first, "spinner"::equals, "spinner");
        }
    }

    @Test
    void aHeapNearItsMaxWithGcEatingTheTime() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(Jdks.current(), home, "leaky", "",
                List.of("-Xmx64m"), Repo.TEST_CLASSES.toString(), FIXTURES + "HeapPressureTarget")) {
            NodeCalls node = new NodeCalls(home, "leaky");
            NodeCalls.await("the heap filling", () -> node.json("memory()").get(0).get("result").get("heap"),
                    h -> h.get("used").asDouble() >= 0.85 * h.get("max").asDouble());

            JsonNode first = awaitFirst(node, Set.of("heap")).get(0);
            assertEvidence(first);
            // the agent has listened to the collectors since the JVM started: the GC of the last seconds, not just the window
            JsonNode listened = NodeCalls.await("why()'s heap finding weighing the GC of more than its window",
                    () -> awaitFirst(node, Set.of("heap")).get(0),
                    f -> f.get("evidence").toString().contains("GC pauses "));
            assertTrue(listened.get("summary").asText().matches(".*and GC took \\d+% of the last (minute|[0-9.,]+ (s|ms) "
                    + "\\(diag has listened that long\\))\\."), listened.toString());
        }
    }

    /**
     * The target runs in a pids cgroup of its own with pids.max 300, the limit container runtimes
     * and systemd's TasksMax= set, and leaks threads up to it. ulimit -u would be simpler, but the
     * kernel counts it over every process of the user (and not at all for root), so it cannot be
     * set for one process; a cgroup can, where the tests may make one (root here), else skipped.
     */
    @Test
    void aThreadCountNearItsLimitNamesTheLimit() throws Exception {
        Optional<PidsCgroup> made = PidsCgroup.create("whyit", 300);
        assumeTrue(made.isPresent(), "needs a writable pids cgroup (root or a delegated subtree) to limit one target");
        try (PidsCgroup group = made.get(); DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(group.launcher(Jdks.current()), home, "crowded", "",
                        Repo.TEST_CLASSES.toString(), FIXTURES + "ThreadLimitTarget")) {
            NodeCalls node = new NodeCalls(home, "crowded");
            NodeCalls.await("the target at its limit", target::output, out -> out.contains("thread limit target ready"));
            JsonNode limits = node.json("system_info(process_limit)").get(0).get("result");
            assertEquals("cgroupPids", limits.get("tightest").asText(), limits::toString);
            assertTrue(limits.get("headroom").asLong() <= 30, limits.toString());

            JsonNode first = awaitFirst(node, Set.of("process_limit")).get(0);
            assertEvidence(first);
            assertTrue((first.get("summary").asText() + first.get("evidence")).contains("300"),
                    "says the limit: " + first);
        }
    }

    @Test
    void aJvmStuckInAShutdownHookNamesTheHook() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(Jdks.current(), home, "exiting", "",
                Repo.TEST_CLASSES.toString(), FIXTURES + "ShutdownHangTarget", "30")) {
            NodeCalls node = new NodeCalls(home, "exiting");
            // the agent registers in premain, before main adds the hook: a SIGTERM sent earlier ends the JVM at once
            NodeCalls.await("the hook added", target::output, out -> out.contains("shutdown-hang target up"));
            target.terminate();
            NodeCalls.await("the hook running", () -> node.text("system_info(shutdown)"),
                    out -> out.contains("in progress") && out.contains("slow-shutdown-hook"));

            JsonNode first = awaitFirst(node, Set.of("shutdown")).get(0);
            assertCulprit(first, "slow-shutdown-hook"::equals, "slow-shutdown-hook");
            target.kill(); // rather than wait out the hook
        }
    }

    @Test
    void aHealthyNodeSaysNothingLooksWrong() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "calm")) {
            NodeCalls node = new NodeCalls(home, "calm");
            JsonNode report = why(node);
            assertEquals(0, report.get("findings").size(), report::toString);
            assertTrue(report.get("windowMillis").asLong() > 0, report.toString());
            assertTrue(report.get("nodeMillis").asLong() >= 0, report.toString());
            String human = node.text("why()");
            assertTrue(human.contains("Nothing looks wrong"), human);
        }
    }

    /** why()'s report, from the one JSON line of the call. */
    private static JsonNode why(NodeCalls node) throws Exception {
        List<JsonNode> lines = node.json("why()");
        assertEquals(1, lines.size(), lines::toString);
        assertEquals("why()", lines.get(0).get("call").asText(), lines.get(0)::toString);
        return lines.get(0).get("result");
    }

    /**
     * Polls why() until its first finding is of one of {@code kinds}; its findings, checked for
     * what holds of every report: ranked by heldUp, none about diag's own threads.
     */
    private static List<JsonNode> awaitFirst(NodeCalls node, Set<String> kinds) throws Exception {
        JsonNode report = NodeCalls.await("why()'s first finding of kind " + kinds, () -> why(node),
                r -> r.get("findings").size() > 0 && kinds.contains(r.get("findings").get(0).get("kind").asText()));
        List<JsonNode> findings = new ArrayList<>();
        report.get("findings").forEach(findings::add);
        for (int i = 1; i < findings.size(); i++) {
            assertTrue(findings.get(i - 1).get("heldUp").asInt() >= findings.get(i).get("heldUp").asInt(),
                    "ranked by how many processes each holds up: " + report);
        }
        for (JsonNode finding : findings) {
            assertFalse(pidNames(finding).stream().anyMatch(n -> n.startsWith("diag-")), "diag's own: " + finding);
        }
        return findings;
    }

    /**
     * The finding's first pid is the culprit ({@code culprit} holds of its name), its summary names
     * each of {@code named}, and its next call is about the culprit's pid.
     */
    private static void assertCulprit(JsonNode finding, Predicate<String> culprit, String... named) {
        assertEvidence(finding);
        JsonNode first = finding.get("pids").get(0);
        assertTrue(first != null && culprit.test(first.get("name").asText()), "the culprit first: " + finding);
        String summary = finding.get("summary").asText();
        for (String name : named) {
            assertTrue(summary.contains(name), "the summary names " + name + ": " + finding);
        }
        assertTrue(finding.get("next").asText().contains(pid(first)), "the next call is about the culprit: " + finding);
    }

    /**
     * The evidence gives the mailbox's rates over the window, counted from {@code counts}: "20/s
     * out, 20/s in". Logback's worker takes a whole full queue (256) at a time and a Disruptor
     * consumer whatever was published when its batch began (any size up to the ring's 256), then
     * spends 50 ms an event on it, so a window sees nothing leave, or the pace, or one batch's step
     * (then the summary says nothing left, or the rate is up to 256 over a window of at least
     * 500 ms). Either way a full queue takes in what leaves it, no more (the rest wait).
     */
    private static void assertDrainAtMost(JsonNode finding, double slowest, String counts) {
        String evidence = finding.get("evidence").toString();
        Matcher rates = Pattern.compile("([0-9.,]+)/s out, ([0-9.,]+)/s in over the window \\(from " + counts + "\\)")
                .matcher(evidence);
        assertTrue(rates.find(), "the evidence gives the rates: " + finding);
        double out = Double.parseDouble(rates.group(1).replace(",", ""));
        double in = Double.parseDouble(rates.group(2).replace(",", ""));
        assertTrue(out <= slowest * 1.15 + 2 * 256, "the appender's pace, or one batch of at most 256: " + finding);
        assertTrue(in <= out + 50, "a full queue takes in what leaves it: " + finding);
        if (out == 0) {
            assertTrue(finding.get("summary").asText().endsWith(": nothing left it in the window."), finding.toString());
            assertTrue(evidence.contains("takes work in batches"), finding.toString());
        }
    }

    /** A summary, numbers behind it and a call to type next. */
    private static void assertEvidence(JsonNode finding) {
        assertFalse(finding.get("summary").asText().isBlank(), finding.toString());
        assertTrue(finding.get("evidence").size() > 0, finding.toString());
        assertFalse(finding.get("next").asText().isBlank(), finding.toString());
    }

    /** A pid as the console writes it, {@code <14>}, whether the JSON holds 14 or "<14>". */
    private static String pid(JsonNode pidAndName) {
        JsonNode pid = pidAndName.get("pid");
        return pid.isNumber() ? "<" + pid.asLong() + ">" : pid.asText();
    }

    private static List<String> pidNames(JsonNode finding) {
        List<String> names = new ArrayList<>();
        finding.get("pids").forEach(p -> names.add(p.get("name").asText()));
        return names;
    }
}
