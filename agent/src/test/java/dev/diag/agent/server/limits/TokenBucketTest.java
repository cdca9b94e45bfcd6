package dev.diag.agent.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long MS = 1_000_000;

    @Test
    void givesABurstThenOneTokenPerInterval() {
        TokenBucket bucket = new TokenBucket(3, 10, 0);
        assertTrue(bucket.take(0));
        assertTrue(bucket.take(0));
        assertTrue(bucket.take(0));
        assertFalse(bucket.take(0));
        assertFalse(bucket.take(99 * MS));
        assertTrue(bucket.take(100 * MS));
        assertFalse(bucket.take(100 * MS));
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        long later = 3_600_000 * MS;
        assertTrue(bucket.take(later));
        assertTrue(bucket.take(later));
        assertFalse(bucket.take(later));
    }

    @Test
    void saysHowLongUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(1, 10, 0);
        assertEquals(0, bucket.nanosUntilToken(0));
        bucket.take(0);
        assertEquals(100 * MS, bucket.nanosUntilToken(0), MS);
        assertEquals(40 * MS, bucket.nanosUntilToken(60 * MS), MS);
    }

    @Test
    void chargingPastEmptyIsADebtPaidBeforeTheNextToken() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        assertTrue(bucket.charge(0));
        assertTrue(bucket.charge(0));
        assertFalse(bucket.charge(0));
        assertFalse(bucket.charge(0));
        // two tokens owed: the next one is 300 ms away, not 100
        assertEquals(300 * MS, bucket.nanosUntilToken(0), MS);
        assertFalse(bucket.take(250 * MS));
        assertTrue(bucket.take(300 * MS));
    }

    @Test
    void aDebtIsBoundedByTheCapacity() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        for (int i = 0; i < 1000; i++) {
            bucket.charge(0);
        }
        assertEquals(300 * MS, bucket.nanosUntilToken(0), MS);
    }

    @Test
    void reservationsPastEmptyAreDueOneIntervalApartUntilTheCapacityIsOwed() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        assertEquals(0, bucket.reserve(0));
        assertEquals(0, bucket.reserve(0));
        assertEquals(100 * MS, bucket.reserve(0), MS);
        assertEquals(200 * MS, bucket.reserve(0), MS);
        assertEquals(-1, bucket.reserve(0));
        assertEquals(100 * MS, bucket.reserve(200 * MS), MS, "refilled tokens pay the debt first");
    }

    @Test
    void isFullAgainOnceRefilled() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        bucket.take(0);
        assertFalse(bucket.full(50 * MS));
        assertTrue(bucket.full(100 * MS));
    }
}
