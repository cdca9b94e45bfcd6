package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.util.internal.logging.InternalLogLevel;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.junit.jupiter.api.Test;

class NettyLoggingTest {

    @Test
    void nettyLogsNothingAndNeverReachesTheTargetsLogging() {
        NettyLogging.silence();
        InternalLogger logger = InternalLoggerFactory.getInstance("dev.diag.test");
        for (InternalLogLevel level : InternalLogLevel.values()) {
            assertFalse(logger.isEnabled(level), level.name());
        }
        logger.warn("dropped {}", "quietly", new IllegalStateException("never printed"));
        logger.error(new IllegalStateException("never printed"));
        assertEquals("dev.diag.test", logger.name());
    }
}
