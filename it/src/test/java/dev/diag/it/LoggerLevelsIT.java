package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * logger:set_level on the real logback and log4j2 of one app, seen from outside in the app's own
 * output: its debug lines appear once a logger is at DEBUG, and stop again after logger:reset() and
 * after stop(), which put every level back. Agent at start-up on JDK 17, and injected into JDK 21+.
 */
class LoggerLevelsIT {
    private static final String TARGET = "dev.diag.it.fixture.LoggingLevelsTarget";
    private static final Pattern INFO_TICK = Pattern.compile("logback INFO shop\\.orders - info tick (\\d+)");

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.diag.it.FrameworkTargets#ways")
    void debugLinesAppearAtDebugAndStopWhenResetOrStopped(String way, boolean inject) throws Exception {
        Path java = FrameworkTargets.java(inject);
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = FrameworkTargets.start(java, home, "shop", inject, TARGET, "levels target ready")) {
            DiagCli.Run set = DiagCli.run(home, "--node", "shop", "--cmd", "logger:set_level(\"shop.orders\", debug)",
                    "--cmd", "logger:set_level(\"shop.payments\", debug)");
            assertEquals(0, set.exit(), set::toString);
            assertTrue(set.out().lines().anyMatch(l -> l.matches("logback\\s+shop\\.orders\\s+inherited \\(INFO\\)\\s+DEBUG")),
                    set::toString);
            assertTrue(set.out().lines().anyMatch(l -> l.matches("log4j2\\s+shop\\.payments\\s+inherited \\(INFO\\)\\s+DEBUG")),
                    set::toString);
            FrameworkTargets.awaitOutput(target, "logback DEBUG shop.orders - debug tick");
            FrameworkTargets.awaitOutput(target, "log4j2 DEBUG shop.payments - debug tick");

            DiagCli.Run list = DiagCli.run(home, "--node", "shop", "--cmd", "logger()");
            assertEquals(0, list.exit(), list::toString);
            assertTrue(list.out().lines().anyMatch(l -> l.matches("logback\\s+shop\\.orders\\s+DEBUG\\s+inherited")), list::toString);
            assertTrue(list.out().lines().anyMatch(l -> l.matches("log4j2\\s+shop\\.payments\\s+DEBUG\\s+inherited")), list::toString);

            DiagCli.Run reset = DiagCli.run(home, "--node", "shop", "--cmd", "logger:reset()");
            assertEquals(0, reset.exit(), reset::toString);
            assertNoDebugLinesFromNowOn(target);

            // once more, and this time stop() puts the level back as it unloads the agent
            assertEquals(0, DiagCli.run(home, "--node", "shop", "--cmd", "logger:set_level(\"shop.orders\", trace)").exit());
            FrameworkTargets.awaitOutput(target, "logback DEBUG shop.orders - debug tick");
            DiagCli.Run stop = DiagCli.run(home, "--node", "shop", "--cmd", "stop()");
            assertEquals(0, stop.exit(), stop::toString);
            assertNoDebugLinesFromNowOn(target);
            assertTrue(target.isAlive());
        }
    }

    @Test
    void leavesAFrameworkTheAppOnlyLookedUpUnstarted() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(Jdks.current(), home, "idle",
                false, "dev.diag.it.fixture.LookedUpLoggingTarget", "looked up")) {
            DiagCli.Run list = DiagCli.run(home, "--node", "idle", "--cmd", "logger()");
            assertEquals(0, list.exit(), list::toString);
            assertTrue(list.out().contains("Frameworks: java.util.logging. diag changed no level."), list::toString);
            String output = target.output();
            assertFalse(output.contains("SLF4J") || output.contains("StatusLogger"), output); // no start-up warnings
        }
    }

    /**
     * Debug lines stop: the last tick printed now is N; tick N+1's info line comes after this moment,
     * so tick N+2's debug line was logged after the levels went back and must not be there.
     */
    private static void assertNoDebugLinesFromNowOn(TargetJvm target) throws Exception {
        long now = lastTick(target.output());
        FrameworkTargets.awaitOutput(target, "logback INFO shop.orders - info tick " + (now + 4));
        String output = target.output();
        for (long tick = now + 2; tick <= now + 4; tick++) {
            assertFalse(output.contains("DEBUG shop.orders - debug tick " + tick + "\n"), "tick " + tick + ": " + output);
            assertFalse(output.contains("DEBUG shop.payments - debug tick " + tick + "\n"), "tick " + tick + ": " + output);
        }
    }

    private static long lastTick(String output) {
        Matcher m = INFO_TICK.matcher(output);
        long last = 0;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }
}
