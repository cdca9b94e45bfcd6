package dev.diag.shell.render;

import dev.diag.protocol.result.HealthCheckState;
import dev.diag.protocol.result.HeartCommand;
import dev.diag.protocol.result.HeartStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Renders {@code heart:status()}: the node's watchdog as labelled facts, times as the node's UTC
 * clock gave them and how long before {@code now} (the shell's clock) they were. A node without
 * heart gets one line saying how to turn it on.
 *
 * <pre>
 * state      beating                   heart (pid 4321) gets a beat every second
 * timeout    60 s                      no beat for this long and heart kills the node, then runs the command
 * last beat  2025-06-01T12:00:03.412Z  0.4 s ago
 * restarts   1                         2025-06-01T11:58:40.120Z: no beat for 60.0 s, ...
 * command    HEART_COMMAND, 112 bytes  heart:get_cmd() prints it
 * check db   healthy
 * </pre>
 */
public final class HeartStatusView {
    private HeartStatusView() {
    }

    public static List<String> render(HeartStatus status, int width) {
        return render(status, Instant.now(), width);
    }

    static List<String> render(HeartStatus status, Instant now, int width) {
        Facts facts = Facts.ofText();
        facts.add("state", status.state(), stateComment(status));
        if (status.state().equals(HeartStatus.OFF)) {
            return facts.render(width);
        }
        facts.add("timeout", status.timeoutSeconds() + " s",
                "no beat for this long and heart kills the node, then runs the restart command");
        facts.add("last beat", status.lastBeatMillis() == null ? "none yet" : time(status.lastBeatMillis()),
                status.lastBeatMillis() == null ? "" : ago(status.lastBeatMillis(), now));
        facts.add("restarts", Units.count(status.restarts()),
                status.lastRestart() == null ? "heart has not restarted this node" : "the last: " + status.lastRestart());
        boolean none = status.commandSource() == null || status.commandSource().equals(HeartCommand.NONE);
        facts.add("command", none ? "none" : status.commandSource() + ", " + Units.count(status.commandBytes()) + " bytes",
                none ? "heart would only kill the node; heart:set_cmd(\"...\") sets one" : "heart:get_cmd() prints it");
        for (HealthCheckState check : status.checks()) {
            facts.add("check " + check.name(), check.state(), check.detail() == null ? "" : check.detail());
        }
        return facts.render(width);
    }

    private static String stateComment(HeartStatus status) {
        String heart = "heart" + (status.heartPid() == null ? "" : " (pid " + status.heartPid() + ")");
        return switch (status.state()) {
            case HeartStatus.BEATING -> heart + " gets a beat every second";
            case HeartStatus.WITHHOLDING -> heart + " gets no beat since "
                    + (status.withholdingSinceMillis() == null ? "?" : time(status.withholdingSinceMillis()))
                    + ": " + status.withholdingBecause();
            default -> status.note() == null ? "" : status.note();
        };
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String ago(long millis, Instant now) {
        long ago = now.toEpochMilli() - millis;
        return ago < 0 ? "by the node's clock, ahead of this shell's" : Units.millis(ago) + " ago";
    }
}
