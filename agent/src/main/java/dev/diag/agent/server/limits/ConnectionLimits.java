package dev.diag.agent.server.limits;

import java.util.OptionalLong;

/**
 * How many connections the agent lets in, and how fast: the numbers {@link ConnectionGate}
 * enforces. Only {@code maxConnections} and {@code startups} are options
 * ({@code max-connections=}, {@code max-startups=}); the rates are fixed, generous for people
 * and scripts (a shell makes one connection per command) and small next to what a flood tries.
 *
 * <pre>
 * maxConnections   all connections at once, authenticated or not (default: 1/8 of the fd limit, 8 to 256)
 * startups         MaxStartups for those still in the handshake (default 10:30:100, at most maxConnections)
 * accepts          ACCEPT_BURST at once, then ACCEPTS_PER_SECOND: over it the agent stops accepting
 *                  for a moment and the kernel's backlog holds the rest, costing the target nothing
 * per source       SOURCE_BURST connections, then SOURCE_PER_SECOND, per source address; over it a
 *                  connection is closed at once, before any handshake work
 * </pre>
 */
public record ConnectionLimits(int maxConnections, StartupLimit startups) {
    public static final int ACCEPT_BURST = 100;
    public static final int ACCEPTS_PER_SECOND = 100;
    public static final int SOURCE_BURST = 20;
    public static final int SOURCE_PER_SECOND = 10;
    /** Source addresses remembered at once: the per-source table's bound (a few dozen bytes each). */
    public static final int MAX_SOURCES = 4096;

    static final int FLOOR = 8;
    static final int CEILING = 256;

    public ConnectionLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max-connections must be at least 1");
        }
        startups = startups.atMost(maxConnections);
    }

    /** The limits for this process: {@code maxConnections} 0 means derived from its fd limit. */
    public static ConnectionLimits forThisProcess(int maxConnections, StartupLimit startups) {
        int max = maxConnections > 0 ? maxConnections : derived(FileDescriptorLimit.ofThisProcess());
        return new ConnectionLimits(max, startups);
    }

    /**
     * An eighth of the fd limit, so a flood of connections leaves the application seven eighths of
     * its descriptors; at least {@value #FLOOR} (an operator must get in under a tiny limit), at most
     * {@value #CEILING} (no operator needs more; each costs an fd and a few KiB).
     */
    static int derived(OptionalLong fdLimit) {
        if (fdLimit.isEmpty()) {
            return CEILING;
        }
        return (int) Math.max(FLOOR, Math.min(CEILING, fdLimit.getAsLong() / 8));
    }
}
