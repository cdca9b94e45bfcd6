package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input: one plain sentence on stderr, a distinct non-zero exit code, no
 * stack trace, and a target that is still fine afterwards.
 */
class BadInputIT {

    @Test
    void unknownNodeSaysWhichNodesRunHere() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--cmd", "memory", "--node", "ordres");

            assertEquals(3, run.exit(), run::toString);
            assertOneSentence(run);
            assertTrue(run.err().contains("no node named ordres") && run.err().contains("orders"), run::toString);
        }
    }

    @Test
    void closedPortIsUnreachableNotAnAuthenticationProblem() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            dev.diag.protocol.cookie.CookieFile.loadOrCreate(home.path().resolve("cookie"));

            DiagCli.Run run = DiagCli.run(home, "--cmd", "memory", "--node", "orders@127.0.0.1:" + port);

            assertEquals(3, run.exit(), run::toString);
            assertOneSentence(run);
            assertTrue(run.err().contains("connection refused"), run::toString);
        }
    }

    @Test
    void malformedNodeNameIsAUsageError() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = DiagCli.run(home, "--cmd", "memory", "--node", "orders@host:99999");

            assertEquals(2, run.exit(), run::toString);
            assertOneSentence(run);
            assertTrue(run.err().contains("port"), run::toString);
        }
    }

    @Test
    void malformedExpressionPointsAtTheColumnWithoutConnecting() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = DiagCli.run(home, "--cmd", "memory(heap", "--node", "nowhere");

            assertEquals(2, run.exit(), run::toString);
            assertOneSentence(run);
            assertTrue(run.err().contains("column 12"), run::toString);
        }
    }

    @Test
    void unknownFunctionSuggestsTheNearestName() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = DiagCli.run(home, "--cmd", "memroy()", "--node", "nowhere");

            assertEquals(2, run.exit(), run::toString);
            assertOneSentence(run);
            assertTrue(run.err().contains("did you mean memory"), run::toString);
        }
    }

    @Test
    void badArgumentIsACallFailureAndTheOtherCallsStillPrint() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", "memory(heap)", "--cmd", "memory(nonsense)");

            assertEquals(1, run.exit(), run::toString);
            assertOneSentence(run);
            assertTrue(run.err().contains("unknown kind") && run.err().contains("heap, non_heap"), run::toString);
            assertTrue(run.out().contains("(heap:"), run::toString);
            assertTrue(target.isAlive());
        }
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = DiagCli.run(home, "--frobnicate");

            assertEquals(2, run.exit(), run::toString);
            assertOneSentence(run);
        }
    }

    @Test
    void helpListsTheExitCodes() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = DiagCli.run(home, "--help");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.out().contains("Exit codes:") && run.out().contains("authentication refused"), run::toString);
        }
    }

    @Test
    void helpOfAFunctionShowsWhatItCostsTheNodeAsTheNodeSays() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, "--node", "orders", "--cmd", "help(backtraces)");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.out().contains("cost: MEDIUM: every thread's whole stack"), run::toString);
        }
    }

    @Test
    void listsNestedDeeperThanTheWireTakesAreOneSentenceNotAStackOverflow() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = DiagCli.run(home, "--cmd", "f(" + "[".repeat(800) + "]".repeat(800) + ")", "--node", "nowhere");

            assertEquals(2, run.exit(), run::toString);
            assertOneSentence(run);
            assertTrue(run.err().contains("lists nest at most 62 deep"), run::toString);
            assertTrue(run.err().length() < 300, run::toString);
        }
    }

    @Test
    void anUnknownEscapeIsRefusedWithItsColumnNotDropped() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = DiagCli.run(home, "--cmd", "heap_dump(\"/tmp/a\\u0000b.hprof\")", "--node", "nowhere");

            assertEquals(2, run.exit(), run::toString);
            assertOneSentence(run);
            assertTrue(run.err().contains("column 18") && run.err().contains("unknown escape '\\u'"), run::toString);
        }
    }

    @Test
    void aTenMegabyteArgumentIsNotEchoedBack() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            String huge = "x".repeat(10 * 1024 * 1024);
            // on stdin: a command line takes at most 128 KiB per argument
            DiagCli.Run run = DiagCli.runWithInput(home, "memory(\"" + huge + "\")\n", "--node", "orders");

            assertEquals(1, run.exit(), run::toString);
            assertOneSentence(run);
            assertTrue(run.err().length() < 400, () -> run.err().length() + " characters: "
                    + run.err().substring(0, Math.min(400, run.err().length())));
            assertTrue(run.err().contains("unknown kind") && run.err().contains("…"), run::toString);

            DiagCli.Run unparsable = DiagCli.runWithInput(home, "memory(" + huge + " x)\n", "--node", "orders");
            assertEquals(2, unparsable.exit(), "exit " + unparsable.exit());
            assertOneSentence(unparsable);
            assertTrue(unparsable.err().length() < 400, () -> unparsable.err().length() + " characters");
            assertTrue(target.isAlive());
        }
    }

    @Test
    void aTruncatedClassFileIsRefusedInWordsWithoutAJavaClassName() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            Path whole = LiveCode.classFile(LiveCode.compile(home.path(), 1), "live.Ticker");
            Path cut = home.path().resolve("Ticker.class");
            byte[] bytes = Files.readAllBytes(whole);
            Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

            DiagCli.Run run = DiagCli.run(home, "load", "--node", "orders", cut.toString());

            assertEquals(1, run.exit(), run::toString);
            assertTrue(run.err().contains("cut short or corrupt"), run::toString);
            assertFalse(run.err().contains("java.") || run.out().contains("java.lang"), run::toString);
            assertFalse(run.err().contains("Exception") || run.out().contains("Exception"), run::toString);
            assertTrue(target.isAlive());
        }
    }

    private static void assertOneSentence(DiagCli.Run run) {
        assertEquals(1, run.err().lines().count(), run::toString);
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run::toString);
    }
}
