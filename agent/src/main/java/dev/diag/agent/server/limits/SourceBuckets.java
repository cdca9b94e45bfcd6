package dev.diag.agent.server.limits;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link TokenBucket} per source address, in a map of bounded size: an attacker with many
 * addresses cannot grow it past {@code maxSources}. Full buckets are forgotten first (nothing is
 * lost: a new bucket starts full); when every bucket is in use the oldest is dropped, so a
 * fresh address gets at worst what a returning one had. Costs one small entry per recent source.
 * Not thread-safe: used on the I/O thread only.
 */
public final class SourceBuckets {
    private final int capacity;
    private final int perSecond;
    private final int maxSources;
    private final Map<InetAddress, TokenBucket> buckets = new LinkedHashMap<>();

    public SourceBuckets(int capacity, int perSecond, int maxSources) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.maxSources = maxSources;
    }

    /** Reserves {@code source}'s next token: see {@link TokenBucket#reserve}. */
    public long reserve(InetAddress source, long nowNanos) {
        return bucket(source, nowNanos).reserve(nowNanos);
    }

    private TokenBucket bucket(InetAddress source, long nowNanos) {
        TokenBucket bucket = buckets.get(source);
        if (bucket == null) {
            if (buckets.size() >= maxSources) {
                makeRoom(nowNanos);
            }
            bucket = new TokenBucket(capacity, perSecond, nowNanos);
            buckets.put(source, bucket);
        }
        return bucket;
    }

    /** How many sources are remembered now. */
    public int size() {
        return buckets.size();
    }

    private void makeRoom(long nowNanos) {
        buckets.values().removeIf(bucket -> bucket.full(nowNanos));
        Iterator<TokenBucket> oldest = buckets.values().iterator();
        while (buckets.size() >= maxSources && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
