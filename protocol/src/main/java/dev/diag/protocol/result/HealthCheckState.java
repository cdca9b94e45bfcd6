package dev.diag.protocol.result;

/**
 * One health check the app registered as a {@code dev.diag:type=HealthCheck,name=...} MBean, as
 * the heart's beat thread last read it: {@code state} is {@code healthy}, {@code failing} (the beat
 * is withheld) or {@code ignored} (no boolean {@code Healthy} attribute: a typo must not restart
 * the node); {@code detail} is the check's {@code Reason}, what its getter threw, or why it is
 * ignored, else null.
 */
public record HealthCheckState(String name, String state, String detail) {
    public static final String HEALTHY = "healthy";
    public static final String FAILING = "failing";
    public static final String IGNORED = "ignored";
}
