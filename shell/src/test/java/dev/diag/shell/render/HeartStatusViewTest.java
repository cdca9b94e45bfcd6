package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.HealthCheckState;
import dev.diag.protocol.result.HeartStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartStatusViewTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:03.812Z");
    private static final long LAST_BEAT = Instant.parse("2025-06-01T12:00:03.412Z").toEpochMilli();

    @Test
    void showsABeatingHeartAsFacts() {
        HeartStatus status = new HeartStatus("beating", 4321L, 60, LAST_BEAT, null, null, 1,
                "2025-06-01T11:58:40.120Z: no beat for 60.0 s", "HEART_COMMAND", 112,
                List.of(new HealthCheckState("db", "healthy", null)), null);
        assertEquals(List.of(
                "state      beating                   heart (pid 4321) gets a beat every second",
                "timeout    60 s                      no beat for this long and heart kills the node, then runs the "
                        + "restart command",
                "last beat  2025-06-01T12:00:03.412Z  400 ms ago",
                "restarts   1                         the last: 2025-06-01T11:58:40.120Z: no beat for 60.0 s",
                "command    HEART_COMMAND, 112 bytes  heart:get_cmd() prints it",
                "check db   healthy"), HeartStatusView.render(status, NOW, 200));
    }

    @Test
    void saysWhatWithholdsTheBeatAndWhatHeartDoesWithoutACommand() {
        HeartStatus status = new HeartStatus("withholding", 4321L, 10, LAST_BEAT, LAST_BEAT + 100,
                "health check 'db' (pool exhausted) failing", 0, null, "none", 0,
                List.of(new HealthCheckState("db", "failing", "pool exhausted")), null);
        List<String> lines = HeartStatusView.render(status, NOW, 200);
        assertEquals("state      withholding               heart (pid 4321) gets no beat since 2025-06-01T12:00:03.512Z: "
                + "health check 'db' (pool exhausted) failing", lines.get(0));
        assertEquals("restarts   0                         heart has not restarted this node", lines.get(3));
        assertEquals("command    none                      heart would only kill the node; heart:set_cmd(\"...\") sets one",
                lines.get(4));
        assertEquals("check db   failing                   pool exhausted", lines.get(5));
    }

    @Test
    void aNodeWithoutHeartGetsOneLine() {
        HeartStatus off = new HeartStatus("off", null, 60, null, null, null, 0, null, null, 0, List.of(),
                "heart is off: start the agent with heart=true (docs/heart.md)");
        assertEquals(List.of("state  off  heart is off: start the agent with heart=true (docs/heart.md)"),
                HeartStatusView.render(off, NOW, 100));
    }

    @Test
    void aGoneHeartSaysWhyAndWhen() {
        HeartStatus gone = new HeartStatus("gone", 4321L, 60, LAST_BEAT, null, null, 0, null, "set_cmd", 12, List.of(),
                "heart (pid 4321) exited with status 137, 2025-06-01T12:00:01Z");
        assertEquals("state      gone                      heart (pid 4321) exited with status 137, 2025-06-01T12:00:01Z",
                HeartStatusView.render(gone, NOW, 200).get(0));
    }
}
