package dev.diag.agent.server.limits;

/**
 * A token bucket on a caller's clock: {@code capacity} tokens at most, refilled at
 * {@code perSecond}. Not thread-safe: every bucket lives on the one I/O thread.
 *
 * <pre>
 * TokenBucket bucket = new TokenBucket(20, 10, now);   // bursts of 20, then 10 a second
 * if (!bucket.take(now)) { ... refuse, or wait bucket.nanosUntilToken(now) ... }
 * </pre>
 */
public final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long refilledAt;

    public TokenBucket(int capacity, int perSecond, long nowNanos) {
        if (capacity < 1 || perSecond < 1) {
            throw new IllegalArgumentException("a token bucket needs a capacity and a rate of at least 1");
        }
        this.capacity = capacity;
        this.perNano = (double) perSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /** Takes one token if there is one. */
    public boolean take(long nowNanos) {
        refill(nowNanos);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /**
     * Takes one token whether or not there is one, going into debt down to minus the capacity:
     * for work already done (a socket already accepted), so the wait for the next token grows
     * with what was spent. True when the token was there.
     */
    public boolean charge(long nowNanos) {
        refill(nowNanos);
        boolean had = tokens >= 1;
        tokens = Math.max(-capacity, tokens - 1);
        return had;
    }

    /**
     * Reserves the next token, for work that can wait its turn: 0 when one is there now, else how
     * long until the reserved one is due (each reservation later than the one before); -1, and
     * nothing reserved, when as many tokens as the capacity are owed already.
     */
    public long reserve(long nowNanos) {
        refill(nowNanos);
        if (tokens - 1 < -capacity) {
            return -1;
        }
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }

    /** How long until a token is there: 0 when one is now. */
    public long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }

    /** True when the bucket is back to full: nothing would be lost by forgetting it. */
    public boolean full(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            refilledAt = nowNanos;
        }
    }
}
