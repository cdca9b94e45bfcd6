package dev.diag.agent.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartCommandTest {
    @TempDir
    Path tmp;

    /** Through a pipe, not argv: past Linux's 128 KiB argument cap and whatever the locale's charset. */
    @Test
    void runsAMultibyteCommandLongerThanAnArgumentMayBeAsSet() throws Exception {
        Path out = tmp.resolve("out");
        StringBuilder text = new StringBuilder();
        while (text.length() < 120_000) {
            text.append("ünï€😀 \"q\" $HOME \\ ");
        }
        String command = "printf '%s' '" + text + "' > '" + out + "'";
        assertTrue(command.getBytes(StandardCharsets.UTF_8).length > 128 * 1024);

        Process process = RestartCommand.run(command.getBytes(StandardCharsets.UTF_8), new Restarts(0, null), "test");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertEquals(text.toString(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void runsLikeShDashC() throws Exception {
        Path out = tmp.resolve("out");
        String command = "x=1; for i in a b; do x=\"$x$i\"; done; echo \"$x $0\" > '" + out + "'; exit 3";
        Process process = RestartCommand.run(command.getBytes(StandardCharsets.UTF_8), new Restarts(0, null), "test");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(3, process.exitValue());
        assertEquals("1ab sh\n", Files.readString(out));
    }

    @Test
    void handsTheNodeItsEnvironmentBackWithTheRestartCounted() {
        Map<String, String> environment = new HashMap<>(Map.of("PATH", "/usr/bin",
                "DIAG_HEART_SAVED_JAVA_TOOL_OPTIONS", "-javaagent:/opt/apm.jar", "DIAG_HEART_RESTARTS", "2"));
        RestartCommand.environment(environment, Restarts.of("2", "earlier"), "2025-06-01T12:00:03Z: no beat for 10.0 s");
        assertEquals(Map.of("PATH", "/usr/bin", "JAVA_TOOL_OPTIONS", "-javaagent:/opt/apm.jar", "DIAG_HEART_RESTARTS", "3",
                "DIAG_HEART_LAST_RESTART", "2025-06-01T12:00:03Z: no beat for 10.0 s"), environment);
    }

    @Test
    void countsFromZeroWhateverTheEnvironmentHolds() {
        assertEquals(new Restarts(0, null), Restarts.of(null, "x"));
        assertEquals(new Restarts(0, null), Restarts.of("lots", "x"));
        assertEquals(new Restarts(4, "x"), Restarts.of(" 4 ", "x"));
        assertEquals("5", Restarts.of("4", null).next());
    }
}
