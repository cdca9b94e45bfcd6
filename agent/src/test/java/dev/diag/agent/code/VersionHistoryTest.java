package dev.diag.agent.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionHistoryTest {

    @Test
    void rollsBackNewestFirstAndForgetsWhatItRestored() {
        VersionHistory history = new VersionHistory();
        history.push(String.class, new byte[] {1});
        history.push(String.class, new byte[] {2});

        assertArrayEquals(new byte[] {2}, history.previous(String.class).bytes());
        history.pop(String.class);
        assertArrayEquals(new byte[] {1}, history.previous(String.class).bytes());
        history.pop(String.class);
        assertNull(history.previous(String.class));
        assertEquals(0, history.depth(String.class));
    }

    @Test
    void keepsAtMostFourVersionsPerClassDroppingTheOldest() {
        VersionHistory history = new VersionHistory();
        for (byte v = 1; v <= 6; v++) {
            history.push(Integer.class, new byte[] {v});
        }

        assertEquals(VersionHistory.PER_CLASS, history.depth(Integer.class));
        for (byte v = 6; v >= 3; v--) {
            assertArrayEquals(new byte[] {v}, history.previous(Integer.class).bytes());
            history.pop(Integer.class);
        }
        assertNull(history.previous(Integer.class));
    }

    @Test
    void staysWithinItsByteBudgetByDroppingTheOldestVersionOfAnyClass() {
        VersionHistory history = new VersionHistory();
        int chunk = (int) (VersionHistory.BUDGET_BYTES / 3);
        history.push(Long.class, new byte[chunk]);      // oldest
        history.push(Short.class, new byte[chunk]);
        history.push(Short.class, new byte[chunk]);
        history.push(Byte.class, new byte[chunk]);      // over budget: Long's goes

        assertTrue(history.bytes() <= VersionHistory.BUDGET_BYTES, Long.toString(history.bytes()));
        assertNull(history.previous(Long.class));
        assertEquals(2, history.depth(Short.class));
        assertEquals(1, history.depth(Byte.class));
    }

    @Test
    void remembersWhenAClassWasLastRedefined() {
        VersionHistory history = new VersionHistory();
        assertNull(history.redefinedAt(Double.class));
        history.redefined(Double.class, 1234L);
        assertEquals(1234L, history.redefinedAt(Double.class));
    }
}
