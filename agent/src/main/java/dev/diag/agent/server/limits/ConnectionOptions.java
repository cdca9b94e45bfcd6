package dev.diag.agent.server.limits;

/**
 * The agent options that bound connections, as given: {@code max-connections=N} (0, the default,
 * means derived from the fd limit when the server starts) and {@code max-startups=start:rate:full}.
 * {@link ConnectionLimits#forThisProcess} turns them into the numbers enforced.
 */
public record ConnectionOptions(int maxConnections, StartupLimit startups) {
    public static final ConnectionOptions DEFAULTS = new ConnectionOptions(0, StartupLimit.DEFAULT);
    public static final String KEYS = "max-connections, max-startups";

    public ConnectionOptions {
        if (maxConnections < 0) {
            throw new IllegalArgumentException("max-connections must be 0 (derived from the fd limit) or more");
        }
        startups = startups == null ? StartupLimit.DEFAULT : startups;
    }

    public ConnectionOptions withMaxConnections(int n) {
        return new ConnectionOptions(n, startups);
    }

    public ConnectionOptions withStartups(StartupLimit limit) {
        return new ConnectionOptions(maxConnections, limit);
    }

    public ConnectionLimits limitsForThisProcess() {
        return ConnectionLimits.forThisProcess(maxConnections, startups);
    }
}
