package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diag.protocol.message.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** backtraces(): every thread, jstack-like, streamed; the lock picture of each thread is there. */
class BacktracesIT {
    private static final List<String> SHAPES = List.of("nested-holder", "lock-holder", "monitor-waiter", "lock-waiter",
            "object-waiter", "parked", "shared-waiter", "shared-contender", "shared-holder", "method-holder");

    @Test
    void everyThreadWithTheLockItWaitsForAndWhoHoldsIt() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(Jdks.current(), home, "locks", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.LocksTarget")) {
            DiagCli.Run human = DiagCli.run(home, "--node", "locks", "--cmd", "backtraces()");
            assertEquals(0, human.exit(), human::toString);
            assertTrue(human.out().contains("\"monitor-waiter\" BLOCKED"), human::toString);
            assertTrue(human.out().lines().anyMatch(l -> l.contains("waiting for <0x") && l.contains("monitor-holder")),
                    human::toString);
            assertTrue(human.out().contains("- locked <0x"), human::toString);
            assertTrue(human.out().lines().anyMatch(l -> l.matches("\\d+ threads, their stacks taken in \\d+ pause.*")),
                    human::toString);

            DiagCli.Run json = DiagCli.run(home, "--node", "locks", "--json", "--cmd", "backtraces()");
            List<String> lines = json.outLines();
            JsonNode last = Json.mapper().readTree(lines.get(lines.size() - 1));
            assertEquals(lines.size() - 1, last.get("result").get("threads").asInt(), json::toString);
            for (String line : lines.subList(0, lines.size() - 1)) {
                assertTrue(Json.mapper().readTree(line).get("row").has("frames"), line);
            }
        }
    }

    /**
     * On the JVM the tests run on (JDK 17 in CI), with 300 parked threads started before the shapes
     * so that they are taken in a later pause than the first (the pauses are sized by the stacks
     * they find and taken back to back before any row is written): every monitor a thread holds is
     * on the frame that holds it, in a synchronized block (two frames of "nested-holder"), in a
     * synchronized method ("method-holder", its class's monitor), in "shared-holder"'s block, and
     * none in "object-waiter", which let go of its monitor in wait();
     * and each row is the one process_info(Pid, backtrace) makes from that thread's own ThreadInfo.
     */
    @Test
    void everyHeldMonitorIsOnItsFrameWhenTheStacksAreTakenInSeveralPauses() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(Jdks.current(), home, "shapes", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.LockShapesTarget", "300")) {
            Map<String, ObjectNode> rows = rowsOnceStill(home);
            DiagCli.Run json = DiagCli.run(home, "--node", "shapes", "--json", "--cmd", "backtraces()");
            List<String> lines = json.outLines();
            JsonNode summary = Json.mapper().readTree(lines.get(lines.size() - 1)).get("result");
            if (featureVersion(Jdks.current()) < 25) {
                assertTrue(summary.get("pauses").asInt() >= 3, summary::toString);
            }
            assertEquals(List.of("holdInner:java.lang.Object", "holdOuter:java.lang.Object"),
                    lockedFrames(rows.get("nested-holder")));
            assertEquals(List.of("holdClassMonitor:java.lang.Class"), lockedFrames(rows.get("method-holder")));
            assertEquals(1, lockedFrames(rows.get("shared-holder")).size(), rows.get("shared-holder")::toString);
            assertEquals(List.of(), lockedFrames(rows.get("object-waiter"))); // wait() let go of it
            for (String name : SHAPES) {
                ObjectNode row = rows.get(name);
                ObjectNode expected = (ObjectNode) result(home, "process_info(<" + row.get("pid").asLong()
                        + ">, backtrace)").get("value");
                expected.remove("lockedSynchronizers"); // backtraces() does not look for them
                assertEquals(expected, row, name);
            }
        }
    }

    /** "method:class of the monitor" for each monitor the row's frames hold, top frame first. */
    private static List<String> lockedFrames(ObjectNode row) {
        List<String> held = new java.util.ArrayList<>();
        for (JsonNode frame : row.get("frames")) {
            for (JsonNode monitor : frame.get("lockedMonitors")) {
                held.add(frame.get("method").asText() + ":" + monitor.get("className").asText());
            }
        }
        return held;
    }

    /**
     * On JDK 25+ the rows come from each thread's own snapshot, with no global pause (no ThreadDump
     * safepoint in the target's log), and each row is the one process_info(Pid, backtrace) makes
     * from a ThreadInfo, but for the JVM's hidden frames (lambda proxies, Thread.runWith), which a
     * snapshot leaves out: monitors held in two frames and in a synchronized method, a blocked thread and its monitor's holder,
     * a ReentrantLock's waiter and holder, a thread in Object.wait(), a parked one, a thread
     * blocked on a monitor that another (a lower id) waits on in Object.wait() and a third holds. On JDK 21-24
     * the rows come from ThreadInfos in pauses, and are the same with every frame.
     */
    @Test
    void onAModernJdkEachRowIsTheOneAThreadInfoGivesAndJdk25TakesItWithoutAGlobalPause() throws Exception {
        Path java = Jdks.requireModern();
        boolean snapshots = featureVersion(java) >= 25;
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path safepoints = home.path().resolve("safepoints.log");
            try (TargetJvm target = TargetJvm.start(java, home, "shapes", "", List.of("-Xlog:safepoint:file=" + safepoints),
                    Repo.TEST_CLASSES.toString(), "dev.diag.it.fixture.LockShapesTarget")) {
                long logged = Files.size(safepoints);
                Map<String, ObjectNode> rows = rowsOnceStill(home);
                String during = Files.readString(safepoints).substring((int) logged);
                assertEquals(snapshots, !during.contains("\"ThreadDump\""), during);
                DiagCli.Run human = DiagCli.run(home, "--node", "shapes", "--cmd", "backtraces()");
                assertTrue(human.out().lines().anyMatch(l -> l.matches(snapshots
                        ? "\\d+ threads, each stack taken from its own thread alone, with no pause of the whole JVM;.*"
                        : "\\d+ threads, their stacks taken in \\d+ pause.*")), human::toString);

                for (String name : SHAPES) {
                    ObjectNode row = rows.get(name);
                    ObjectNode expected = (ObjectNode) result(home, "process_info(<" + row.get("pid").asLong()
                            + ">, backtrace)").get("value");
                    expected.remove("lockedSynchronizers"); // backtraces() does not look for them
                    if (snapshots) {
                        ArrayNode frames = (ArrayNode) expected.get("frames");
                        for (int i = frames.size() - 1; i >= 0; i--) {
                            if (hidden(frames.get(i))) {
                                frames.remove(i);
                            }
                        }
                    }
                    assertEquals(expected, row, name);
                }
                assertEquals(rows.get("nested-holder").get("pid"), rows.get("monitor-waiter").get("waitingOnOwner").get("pid"));
                assertEquals(rows.get("lock-holder").get("pid"), rows.get("lock-waiter").get("waitingOnOwner").get("pid"));
                assertEquals(rows.get("shared-holder").get("pid"),
                        rows.get("shared-contender").get("waitingOnOwner").get("pid")); // not the thread in wait()
                assertTrue(rows.get("nested-holder").toString().matches(".*lockedMonitors\":\\[\\{.*lockedMonitors\":\\[\\{.*"),
                        rows.get("nested-holder")::toString);
                assertFalse(rows.get("object-waiter").toString().contains("lockedMonitors\":[{"),
                        rows.get("object-waiter")::toString);
            }
        }
    }

    /** The fixture's threads' rows, asked for again until every waiter is in place. */
    private static Map<String, ObjectNode> rowsOnceStill(DiagHomeDir home) throws Exception {
        for (int attempt = 0; ; attempt++) {
            DiagCli.Run json = DiagCli.run(home, "--node", "shapes", "--json", "--cmd", "backtraces()");
            assertEquals(0, json.exit(), json::toString);
            Map<String, ObjectNode> rows = new HashMap<>();
            for (String line : json.outLines()) {
                JsonNode row = Json.mapper().readTree(line).get("row");
                if (row != null && SHAPES.contains(row.path("name").asText())) {
                    rows.put(row.get("name").asText(), (ObjectNode) row);
                }
            }
            boolean still = rows.size() == SHAPES.size() && rows.get("monitor-waiter").has("waitingOnOwner")
                    && rows.get("lock-waiter").has("waitingOnOwner") && rows.get("object-waiter").has("waitingOn")
                    && rows.get("parked").path("state").asText().equals("WAITING")
                    && rows.get("shared-contender").has("waitingOnOwner") && rows.get("shared-waiter").has("waitingOn")
                    && rows.get("method-holder").path("state").asText().equals("TIMED_WAITING")
                    && rows.get("nested-holder").path("state").asText().equals("TIMED_WAITING");
            if (still || attempt == 50) {
                assertTrue(still, json::toString);
                return rows;
            }
            Thread.sleep(100);
        }
    }

    /** A frame the JVM hides from a snapshot's stack: a lambda proxy's, or Thread.runWith. */
    private static boolean hidden(JsonNode frame) {
        String type = frame.get("className").asText();
        return type.contains("$$Lambda") || type.equals("java.lang.Thread") && frame.get("method").asText().equals("runWith");
    }

    private static JsonNode result(DiagHomeDir home, String call) throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--node", "shapes", "--json", "--cmd", call);
        assertEquals(0, run.exit(), run::toString);
        return Json.mapper().readTree(run.outLines().get(0)).get("result");
    }

    private static int featureVersion(Path java) throws Exception {
        Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(
                Files.readString(java.getParent().getParent().resolve("release")));
        assertTrue(version.find(), java::toString);
        return Integer.parseInt(version.group(1));
    }
}
