package dev.diag.agent.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class SourceBucketsTest {

    @Test
    void oneFloodingAddressDoesNotUseUpAnothersTokens() throws Exception {
        SourceBuckets buckets = new SourceBuckets(2, 1, 16);
        assertTrue(buckets.take(address(2), 0));
        assertTrue(buckets.take(address(2), 0));
        assertFalse(buckets.take(address(2), 0));
        assertTrue(buckets.take(address(1), 0));
    }

    @Test
    void remembersNoMoreThanItsBoundOfAddresses() throws Exception {
        SourceBuckets buckets = new SourceBuckets(2, 1, 16);
        for (int i = 1; i <= 1000; i++) {
            buckets.take(address(i), 0);
        }
        assertTrue(buckets.size() <= 16, "remembers " + buckets.size());
    }

    @Test
    void forgetsAddressesWhoseBucketsAreFullBeforeBusyOnes() throws Exception {
        SourceBuckets buckets = new SourceBuckets(2, 1, 3);
        buckets.take(address(1), 0); // quiet: full again a second later
        buckets.take(address(2), 0);
        buckets.take(address(2), 0);
        buckets.take(address(3), 0);
        long later = 1_100_000_000L; // 1.1 s: address 1 is full again, 2 has one of two, 3 is full
        buckets.take(address(2), later);
        buckets.take(address(4), later); // makes room: 1 and 3 go, the busy 2 stays
        assertFalse(buckets.take(address(2), later), "the busy address kept its empty bucket");
        assertEquals(2, buckets.size());
    }

    private static InetAddress address(int n) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {10, 0, (byte) (n >> 8), (byte) n});
    }
}
