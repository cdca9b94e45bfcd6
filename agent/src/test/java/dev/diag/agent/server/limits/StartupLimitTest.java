package dev.diag.agent.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StartupLimitTest {
    private static final StartupLimit SSHD = StartupLimit.DEFAULT;

    @Test
    void letsEveryoneInBelowStart() {
        for (int pending = 0; pending < 10; pending++) {
            assertTrue(SSHD.admits(pending, bound -> 0), "pending " + pending);
        }
    }

    @Test
    void dropsNoneAboveTheRateAndAllBelowItAtStart() {
        // at start the drop chance is rate (30%): percentiles 0-29 drop, 30-99 pass
        assertFalse(SSHD.admits(10, bound -> 29));
        assertTrue(SSHD.admits(10, bound -> 30));
    }

    @Test
    void dropChanceRisesLinearlyToFull() {
        // halfway from 10 to 100 (55 pending): 30 + 70 * 45 / 90 = 65%
        assertFalse(SSHD.admits(55, bound -> 64));
        assertTrue(SSHD.admits(55, bound -> 65));
        assertFalse(SSHD.admits(99, bound -> 98));
    }

    @Test
    void dropsEveryoneAtFull() {
        assertFalse(SSHD.admits(100, bound -> 99));
        assertFalse(SSHD.admits(5000, bound -> 99));
    }

    @Test
    void parsesTheSshdForms() {
        assertEquals(new StartupLimit(10, 30, 100), StartupLimit.parse("10:30:100"));
        assertEquals(new StartupLimit(20, 100, 20), StartupLimit.parse("20"));
        assertEquals("10:30:100", StartupLimit.parse(" 10:30:100 ").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10:30", "a:b:c", "0:30:100", "50:30:10", "10:101:100", "10:-1:100", "1:2:3:4"})
    void refusesWhatIsNotStartRateFull(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StartupLimit.parse(text));
        assertTrue(e.getMessage().contains("start:rate:full"), e.getMessage());
    }

    @Test
    void isCappedByTheConnectionLimit() {
        assertEquals(new StartupLimit(10, 30, 32), SSHD.atMost(32));
        assertEquals(new StartupLimit(8, 30, 8), SSHD.atMost(8));
        assertEquals(SSHD, SSHD.atMost(256));
    }
}
