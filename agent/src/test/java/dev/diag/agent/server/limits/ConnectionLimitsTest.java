package dev.diag.agent.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

    @Test
    void derivesAnEighthOfTheFileDescriptorLimit() {
        assertEquals(128, ConnectionLimits.derived(OptionalLong.of(1024)));
        assertEquals(32, ConnectionLimits.derived(OptionalLong.of(256)));
    }

    @Test
    void staysBetweenItsFloorAndCeiling() {
        assertEquals(8, ConnectionLimits.derived(OptionalLong.of(20)));
        assertEquals(256, ConnectionLimits.derived(OptionalLong.of(1_048_576)));
        assertEquals(256, ConnectionLimits.derived(OptionalLong.empty()));
    }

    @Test
    void aGivenLimitBeatsTheDerivedOne() {
        assertEquals(5, ConnectionLimits.forThisProcess(5, StartupLimit.DEFAULT).maxConnections());
    }

    @Test
    void startupsNeverExceedTheConnectionLimit() {
        ConnectionLimits limits = new ConnectionLimits(16, StartupLimit.DEFAULT);
        assertEquals(16, limits.startups().full());
    }

    @Test
    void readsThisProcesssLimitOnLinux() {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        assertTrue(FileDescriptorLimit.ofThisProcess().orElse(0) > 0);
    }
}
