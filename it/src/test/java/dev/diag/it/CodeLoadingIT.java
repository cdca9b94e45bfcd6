package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live code loading against real target JVMs running {@link LiveCode}'s loop: l(Class) after the
 * class file changed on disk, bin/diag load of several class files in one atomic step (in either
 * order), the preflight's refusals (a new field; new code calling a method the node lacks), code:
 * rollback, and check_process_code finding the thread parked inside a class; the last two on the
 * JDK running the tests (17) and on a JDK 21+ target (25 here) as well.
 */
class CodeLoadingIT {
    private static final String NODE = "live";

    @Test
    void aRunningLoopPicksUpAChangedBodyAfterLAndRollbackRestoresIt() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path v1 = LiveCode.compile(home.path(), 1);
            Path v2 = LiveCode.compile(home.path(), 2);
            try (TargetJvm target = start(home, v1, List.of())) {
                target.awaitLine("T=one");

                // the class file changes on disk, then l(Class) reloads it from the class path
                Files.copy(LiveCode.classFile(v2, "live.Ticker"), LiveCode.classFile(v1, "live.Ticker"),
                        StandardCopyOption.REPLACE_EXISTING);
                DiagCli.Run load = DiagCli.run(home, "--node", NODE, "--cmd", "l(live.Ticker)");
                assertEquals(0, load.exit(), load::toString);
                assertTrue(load.out().startsWith("loaded 1 class in one step (keeping the running versions took "),
                        load::toString);
                assertTrue(load.out().contains("live.Ticker  redefined"), load::toString);
                target.awaitLine("T=two");

                JsonNode which = json(home, "code:which(live.Ticker)");
                assertEquals(1, which.get("copies").get(0).get("versionsKept").asInt(), which::toString);
                assertTrue(which.get("copies").get(0).get("resource").asText().endsWith("live/Ticker.class"));

                DiagCli.Run rollback = DiagCli.run(home, "--node", NODE, "--cmd", "code:rollback(live.Ticker)");
                assertEquals(0, rollback.exit(), rollback::toString);
                assertTrue(rollback.out().startsWith("rolled back 1 class in one step"), rollback::toString);
                target.awaitLine("T=one");

                DiagCli.Run again = DiagCli.run(home, "--node", NODE, "--cmd", "code:rollback(live.Ticker)");
                assertEquals(1, again.exit(), again::toString);
                assertTrue(again.err().contains("diag keeps no earlier version of live.Ticker"), again::toString);
            }
        }
    }

    @ParameterizedTest(name = "on JDK {0}")
    @ValueSource(strings = {"17", "21+"})
    void twoChangedClassesLoadInOneStepInEitherOrder(String jdk) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path v1 = LiveCode.compile(home.path(), 1);
            Path v2 = LiveCode.compile(home.path(), 2);
            String a = LiveCode.classFile(v2, "live.Pipeline").toString();
            String b = LiveCode.classFile(v2, "live.Pipeline$Stage").toString();
            try (TargetJvm target = start(java(jdk), home, v1, List.of())) {
                target.awaitLine("P=A1+B1");

                DiagCli.Run ab = DiagCli.run(home, "load", "--node", NODE, a, b);
                assertEquals(0, ab.exit(), ab::toString);
                assertTrue(ab.out().startsWith("loaded 2 classes in one step"), ab::toString);
                target.awaitLine("P=A2+B2");

                DiagCli.Run back = DiagCli.run(home, "--node", NODE, "--cmd", "code:rollback([live.Pipeline, live.Pipeline$Stage])");
                assertEquals(0, back.exit(), back::toString);
                target.awaitLine("P=A1+B1");

                DiagCli.Run ba = DiagCli.run(home, "load", b, a, "--node", NODE);
                assertEquals(0, ba.exit(), ba::toString);
                target.awaitLine("P=A2+B2");
                // never the new A with the old B, as two separate loads could show for a moment
                assertFalse(target.output().contains("P=A2+B1"), "new A ran with old B");
            }
        }
    }

    @Test
    void newCodeCallingAMethodOnlyTheNewNestmateHasNeedsBothInOneStep() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path v1 = LiveCode.compile(home.path(), 1);
            Path v3 = LiveCode.compile(home.path(), 3);
            String a = LiveCode.classFile(v3, "live.Pipeline").toString();
            String b = LiveCode.classFile(v3, "live.Pipeline$Stage").toString();
            // Since Java 13 the JVM adds no method to a loaded class unless told to; with this
            // (deprecated, still in JDK 25) flag it adds private static and private final ones.
            try (TargetJvm target = start(home, v1, List.of("-XX:+AllowRedefinitionToAddDeleteMethods"))) {
                target.awaitLine("P=A1+B1");

                // A alone would throw NoSuchMethodError in the loop: the preflight refuses it
                DiagCli.Run alone = DiagCli.run(home, "load", "--node", NODE, a);
                assertEquals(1, alone.exit(), alone::toString);
                assertTrue(alone.err().contains("refused; nothing was changed. 1 problem:"), alone::toString);
                assertTrue(alone.err().contains("Pipeline.run() (Pipeline.java:4) calls live.Pipeline$Stage.label(), "
                        + "which the loaded live.Pipeline$Stage does not have; load a new live.Pipeline$Stage that has "
                        + "it in the same step"), alone::toString);

                DiagCli.Run ab = DiagCli.run(home, "load", "--node", NODE, a, b);
                assertEquals(0, ab.exit(), ab::toString);
                target.awaitLine("P=A3+B3");

                DiagCli.Run back = DiagCli.run(home, "--node", NODE, "--cmd", "code:rollback([live.Pipeline, live.Pipeline$Stage])");
                assertEquals(0, back.exit(), back::toString);
                target.awaitLine("P=A1+B1");

                DiagCli.Run ba = DiagCli.run(home, "load", "--node", NODE, b, a);
                assertEquals(0, ba.exit(), ba::toString);
                target.awaitLine("P=A3+B3");
                String output = target.output();
                assertFalse(output.contains("NoSuchMethodError"), output);
            }
            // by default the JVM adds no method at all: the same set is refused, in words
            try (TargetJvm target = start(home, v1, List.of())) {
                target.awaitLine("P=A1+B1");
                DiagCli.Run refused = DiagCli.run(home, "load", "--node", NODE, a, b);
                assertEquals(1, refused.exit(), refused::toString);
                assertTrue(refused.err().contains("live.Pipeline$Stage adds method private static String label(); the "
                        + "JVM cannot add methods of a loaded class"), refused::toString);
            }
        }
    }

    @Test
    void anAddedFieldIsRefusedInPlainWordsAndNothingChanges() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path v1 = LiveCode.compile(home.path(), 1);
            Path v2 = LiveCode.compile(home.path(), 2);
            try (TargetJvm target = start(home, v1, List.of())) {
                target.awaitLine("T=one");

                DiagCli.Run check = DiagCli.run(home, "load", "--check", "--node", NODE,
                        LiveCode.classFile(v2, "live.Counter").toString());
                assertEquals(1, check.exit(), check::toString);
                assertTrue(check.out().startsWith("check failed: 1 problem"), check::toString);

                DiagCli.Run load = DiagCli.run(home, "load", "--node", NODE,
                        LiveCode.classFile(v2, "live.Ticker").toString(), LiveCode.classFile(v2, "live.Counter").toString());
                assertEquals(1, load.exit(), load::toString);
                assertTrue(load.err().contains("refused; nothing was changed. 1 problem:\n  live.Counter adds field "
                        + "private static int calls; the JVM cannot add, remove or change the fields of a loaded class"),
                        load::toString);

                // the old behaviour continues: Ticker, whose change was fine, was not loaded either
                int before = target.output().length();
                target.awaitLineAfter(before, "tick T=one P=A1+B1 C=1");
                String output = target.output();
                assertFalse(output.contains("T=two"), output);
                assertEquals(0, json(home, "code:which(live.Ticker)").get("copies").get(0).get("versionsKept").asInt());
            }
        }
    }

    @ParameterizedTest(name = "on JDK {0}")
    @ValueSource(strings = {"17", "21+"})
    void checkProcessCodeListsTheThreadParkedInsideTheClassWithItsFrames(String jdk) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path v1 = LiveCode.compile(home.path(), 1);
            Path v2 = LiveCode.compile(home.path(), 2);
            try (TargetJvm target = start(java(jdk), home, v1, List.of())) {
                target.awaitLine("T=one");

                DiagCli.Run shown = DiagCli.run(home, "--node", NODE, "--cmd", "check_process_code(live.Parker)");
                assertEquals(0, shown.exit(), shown::toString);
                assertTrue(shown.out().startsWith("1 thread runs code of live.Parker (of "), shown::toString);
                assertTrue(shown.out().lines().anyMatch(l -> l.matches("<\\d+> parker  WAITING  now in .*\\.park")), shown::toString);
                assertTrue(shown.out().contains("    #2 live.Parker.hold (Parker.java:6)"), shown::toString);

                DiagCli.Run load = DiagCli.run(home, "load", "--node", NODE, LiveCode.classFile(v2, "live.Parker").toString());
                assertEquals(0, load.exit(), load::toString);

                // the parked thread is still inside the old hold(): its frame belongs to the old version
                JsonNode after = json(home, "check_process_code(live.Parker)");
                JsonNode thread = after.get("threads").get(0);
                assertEquals("parker", thread.get("name").asText());
                JsonNode frame = thread.get("frames").get(0);
                assertEquals("hold", frame.get("method").asText());
                assertEquals(6, frame.get("line").asInt());
                assertNull(frame.path("file").textValue(), "the JVM names no source file for a frame of an older version");
                assertNotNull(after.get("redefinedAtMillis").numberValue(), after::toString);
                assertEquals(1, after.get("threads").size());

                DiagCli.Run none = DiagCli.run(home, "--node", NODE, "--cmd", "erlang:check_process_code(live.Counter)");
                assertTrue(none.out().startsWith("no thread runs code of live.Counter"), none::toString);
            }
        }
    }

    @Test
    void whichIsLoadedAndAllLoadedDescribeTheClasses() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path v1 = LiveCode.compile(home.path(), 1);
            try (TargetJvm target = start(home, v1, List.of())) {
                target.awaitLine("T=one");

                DiagCli.Run loaded = DiagCli.run(home, "--node", NODE, "--cmd", "code:is_loaded('live.Ticker')",
                        "--cmd", "code:is_loaded(\"live.Nothing\")", "--cmd", "code:all_loaded(live)");
                assertEquals(0, loaded.exit(), loaded::toString);
                List<String> lines = loaded.outLines();
                assertEquals("true: live.Ticker is loaded by app", lines.get(0), loaded::toString);
                assertEquals("false: live.Nothing is not loaded", lines.get(2), loaded::toString);
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("live.Pipeline$Stage ")), loaded::toString);
                assertTrue(lines.get(lines.size() - 1).startsWith("6 classes whose names start with live listed, of "),
                        loaded::toString);
            }
        }
    }

    private static TargetJvm start(DiagHomeDir home, Path classes, List<String> jvmArgs) throws Exception {
        return start(Jdks.current(), home, classes, jvmArgs);
    }

    private static TargetJvm start(Path java, DiagHomeDir home, Path classes, List<String> jvmArgs) throws Exception {
        return TargetJvm.start(java, home, NODE, "", jvmArgs, classes.toString(), LiveCode.MAIN);
    }

    /** The JDK 17 running the tests, or the newest JDK 21+ on the machine (a skip where there is none). */
    private static Path java(String jdk) {
        return jdk.equals("17") ? Jdks.current() : Jdks.requireModern();
    }

    private static JsonNode json(DiagHomeDir home, String call) throws Exception {
        DiagCli.Run run = DiagCli.run(home, "--node", NODE, "--json", "--cmd", call);
        assertEquals(0, run.exit(), run::toString);
        return Json.mapper().readTree(run.outLines().get(0)).get("result");
    }
}
