package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * i(), processes() and process_info against a target whose threads hold and wait for a monitor and
 * a ReentrantLock, on the JDK running the tests (17) and on a JDK 21+ target (25 here).
 */
class ProcessFunctionsIT {

    @ParameterizedTest(name = "on JDK {0}")
    @ValueSource(strings = {"17", "21+"})
    void showsWhoWaitsForWhomAndEveryPidForm(String jdk) throws Exception {
        Path java = jdk.equals("17") ? Jdks.current() : Jdks.requireModern();
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(java, home, "locks", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.LocksTarget")) {
            Map<String, Long> pids = pidsByName(home);
            long monitorHolder = pids.get("monitor-holder");
            long monitorWaiter = pids.get("monitor-waiter");
            long lockHolder = pids.get("lock-holder");
            long lockWaiter = pids.get("lock-waiter");

            // i() lists them with their states; the waiter shows the frame it is blocked in
            DiagCli.Run table = DiagCli.run(home, "--node", "locks", "--cmd", "i()");
            assertEquals(0, table.exit(), table::toString);
            assertTrue(table.out().lines().anyMatch(l -> l.startsWith("<" + monitorWaiter + ">")
                    && l.contains("BLOCKED") && l.contains("LocksTarget.lambda$main$")), table::toString);
            assertTrue(table.out().lines().anyMatch(l -> l.startsWith("Total: ")), table::toString);

            // a backtrace of the blocked thread names the monitor and who holds it
            DiagCli.Run trace = DiagCli.run(home, "--node", "locks", "--cmd", "process_info(<" + monitorWaiter + ">, backtrace)");
            assertEquals(0, trace.exit(), trace::toString);
            assertTrue(trace.out().contains("waiting for <0x") && trace.out().contains("held by <" + monitorHolder
                    + "> monitor-holder"), trace::toString);
            DiagCli.Run held = DiagCli.run(home, "--node", "locks", "--cmd", "process_info(<" + monitorHolder + ">, backtrace)");
            assertTrue(held.out().contains("- locked <0x"), held::toString);

            // links of a ReentrantLock holder: who waits for it
            JsonNode links = result(home, "process_info(pid(0," + lockHolder + ",0), links)").get("value");
            assertTrue(links.get("waitingForMe").toString().contains("\"pid\":" + lockWaiter), links.toString());
            JsonNode waiting = result(home, "process_info(<0." + lockWaiter + ".0>, links)").get("value");
            assertEquals(lockHolder, waiting.get("owner").get("pid").asLong(), waiting.toString());

            // i(0,N,0) and i(<N>) are process_info(<N>)
            JsonNode info = result(home, "i(0," + monitorWaiter + ",0)");
            assertEquals("monitor-waiter", info.get("name").asText());
            assertEquals("BLOCKED", info.get("status").asText());
            assertEquals(info.get("pid"), result(home, "i(<" + monitorWaiter + ">)").get("pid"));
            assertTrue(target.isAlive());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"process_info(<999999>)", "i(<999999>)", "process_info(<999999>, backtrace)"})
    void anUnknownPidIsOneSentenceAndACallFailure(String call) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", call);

            assertEquals(1, run.exit(), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().contains("no process <999999>"), run::toString);
            assertFalse(run.err().contains("Exception"), run::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"i(<0>)", "process_info(<-1>)", "i(0,0,0)"})
    void pidsNoThreadCanHaveAreUnknownPidsToo(String call) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", call);

            assertEquals(1, run.exit(), run::toString);
            assertTrue(run.err().contains("no process <"), run::toString);
            assertFalse(run.err().contains("Exception"), run::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"process_info(<1>, nonsense)", "process_info(heap)", "i(1, 2)"})
    void aBadItemOrArgumentSaysWhatIsAccepted(String call) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", call);

            assertEquals(1, run.exit(), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().contains("current_function") || run.err().contains("pid"), run::toString);
        }
    }

    private static Map<String, Long> pidsByName(DiagHomeDir home) throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--node", "locks", "--json", "--cmd", "i()");
        assertEquals(0, run.exit(), run::toString);
        Map<String, Long> pids = new HashMap<>();
        for (String line : run.outLines()) {
            JsonNode row = Json.mapper().readTree(line).get("row");
            if (row != null) {
                pids.put(row.get("name").asText(), row.get("pid").asLong());
            }
        }
        return pids;
    }

    private static JsonNode result(DiagHomeDir home, String call) throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--node", "locks", "--json", "--cmd", call);
        assertEquals(0, run.exit(), run::toString);
        return Json.mapper().readTree(run.outLines().get(0)).get("result");
    }
}
