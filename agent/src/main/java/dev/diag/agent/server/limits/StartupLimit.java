package dev.diag.agent.server.limits;

import java.util.function.IntUnaryOperator;

/**
 * OpenSSH's MaxStartups {@code start:rate:full} for connections that have not finished the
 * handshake: below {@code start} all are let in; from {@code start} on, a new one is dropped
 * with probability {@code rate}% rising linearly to 100% at {@code full}. Random early drop,
 * so a flood of idle connections cannot shut a real user out for good: each new attempt still
 * has a chance, and finished or timed-out handshakes free their places.
 *
 * <pre>
 * StartupLimit.parse("10:30:100")   // sshd's default
 * </pre>
 */
public record StartupLimit(int start, int rate, int full) {
    public static final StartupLimit DEFAULT = new StartupLimit(10, 30, 100);
    public static final String RULE = "start:rate:full, e.g. 10:30:100 (1 <= start <= full, rate 0 to 100)";

    public StartupLimit {
        if (start < 1 || start > full || rate < 0 || rate > 100) {
            throw new IllegalArgumentException("max-startups must be " + RULE);
        }
    }

    /** Parses {@code start:rate:full}, or a single number N meaning N:100:N (drop every one past N). */
    public static StartupLimit parse(String text) {
        String[] parts = text.strip().split(":", -1);
        try {
            if (parts.length == 1) {
                int n = Integer.parseInt(parts[0]);
                return new StartupLimit(n, 100, n);
            }
            if (parts.length == 3) {
                return new StartupLimit(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("max-startups=" + text + " must be " + RULE);
    }

    /** This limit with {@code full} (and {@code start}) no higher than {@code cap}. */
    public StartupLimit atMost(int cap) {
        return full <= cap ? this : new StartupLimit(Math.min(start, cap), rate, cap);
    }

    /**
     * Whether one more unauthenticated connection, with {@code pending} already open, is let in.
     * {@code percentile} gives a uniform number from 0 to 99 (a random source; a test passes a fixed one).
     */
    public boolean admits(int pending, IntUnaryOperator percentile) {
        if (pending < start) {
            return true;
        }
        if (pending >= full) {
            return false;
        }
        // sshd: p = rate + (100 - rate) * (pending - start) / (full - start)
        int dropPercent = rate + (100 - rate) * (pending - start) / (full - start);
        return percentile.applyAsInt(100) >= dropPercent;
    }

    @Override
    public String toString() {
        return start + ":" + rate + ":" + full;
    }
}
