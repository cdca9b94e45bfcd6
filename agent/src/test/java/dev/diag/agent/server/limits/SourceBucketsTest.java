package dev.diag.agent.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class SourceBucketsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void oneFloodingAddressDoesNotUseUpAnothersTokens() throws Exception {
        SourceBuckets buckets = new SourceBuckets(2, 1, 16);
        assertEquals(0, buckets.reserve(address(2), 0));
        assertEquals(0, buckets.reserve(address(2), 0));
        assertTrue(buckets.reserve(address(2), 0) > 0, "a third connection from one address waits");
        assertEquals(0, buckets.reserve(address(1), 0));
    }

    @Test
    void anAddressPastItsRateWaitsItsTurnThenIsRefused() throws Exception {
        SourceBuckets buckets = new SourceBuckets(2, 1, 16);
        buckets.reserve(address(2), 0);
        buckets.reserve(address(2), 0);
        assertEquals(1 * SECOND, buckets.reserve(address(2), 0), 1_000);
        assertEquals(2 * SECOND, buckets.reserve(address(2), 0), 1_000);
        assertEquals(-1, buckets.reserve(address(2), 0), "more waiting than the burst is refused");
    }

    @Test
    void remembersNoMoreThanItsBoundOfAddresses() throws Exception {
        SourceBuckets buckets = new SourceBuckets(2, 1, 16);
        for (int i = 1; i <= 1000; i++) {
            buckets.reserve(address(i), 0);
        }
        assertTrue(buckets.size() <= 16, "remembers " + buckets.size());
    }

    @Test
    void forgetsAddressesWhoseBucketsAreFullBeforeBusyOnes() throws Exception {
        SourceBuckets buckets = new SourceBuckets(2, 1, 3);
        buckets.reserve(address(1), 0); // quiet: full again a second later
        buckets.reserve(address(2), 0);
        buckets.reserve(address(2), 0);
        buckets.reserve(address(3), 0);
        long later = SECOND + SECOND / 10; // address 1 is full again, 2 has one of two, 3 is full
        buckets.reserve(address(2), later);
        buckets.reserve(address(4), later); // makes room: 1 and 3 go, the busy 2 stays
        assertTrue(buckets.reserve(address(2), later) > 0, "the busy address kept its empty bucket");
        assertEquals(2, buckets.size());
    }

    private static InetAddress address(int n) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {10, 0, (byte) (n >> 8), (byte) n});
    }
}
