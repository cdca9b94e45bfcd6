package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code heart:status()}: the node's watchdog, as the agent sees it. {@code state} is one of
 * <pre>
 * off          heart=true was not given: no heart, no beat thread
 * beating      heart runs and the node beats it every second
 * withholding  heart runs, and the node withholds the beat because a health check fails
 * gone         heart exited or could not start: the node runs on without a watchdog ({@code note} says why)
 * </pre>
 * Times are milliseconds since the epoch, null when there is none yet. {@code restarts} counts the
 * times heart restarted this node (carried from one incarnation to the next in the environment,
 * {@code DIAG_HEART_RESTARTS}); {@code lastRestart} says when and why, null before the first.
 */
public record HeartStatus(
        String state,
        Long heartPid,
        int timeoutSeconds,
        Long lastBeatMillis,
        Long withholdingSinceMillis,
        String withholdingBecause,
        int restarts,
        String lastRestart,
        String commandSource,
        int commandBytes,
        List<HealthCheckState> checks,
        String note) {
    public static final String OFF = "off";
    public static final String BEATING = "beating";
    public static final String WITHHOLDING = "withholding";
    public static final String GONE = "gone";
}
