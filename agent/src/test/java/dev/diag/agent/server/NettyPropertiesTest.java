package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.AgentOptions;
import dev.diag.agent.functions.Functions;
import dev.diag.protocol.frame.FrameLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JVM-wide properties the agent sets for its Netty: only its own, only where free, none left at stop. */
class NettyPropertiesTest {
    private static final String RELOCATED = "dev.diag.agent.shaded.io.netty.nettyPropertiesTest";

    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty(RELOCATED);
        System.clearProperty("io.netty.nettyPropertiesTest");
    }

    @Test
    void setsAFreeRelocatedNameAndClearsIt() {
        NettyProperties properties = new NettyProperties();
        assertTrue(properties.setIfFree(RELOCATED, "true"));
        assertEquals("true", System.getProperty(RELOCATED));
        properties.clear();
        assertNull(System.getProperty(RELOCATED));
    }

    @Test
    void leavesANameTheHostsOwnNettyReadsAlone() {
        NettyProperties properties = new NettyProperties();
        assertFalse(properties.setIfFree("io.netty.nettyPropertiesTest", "unpooled"));
        assertNull(System.getProperty("io.netty.nettyPropertiesTest"));
    }

    @Test
    void keepsAValueAnOperatorSetThroughSetAndClear() {
        System.setProperty(RELOCATED, "false");
        NettyProperties properties = new NettyProperties();
        assertFalse(properties.setIfFree(RELOCATED, "true"));
        properties.clear();
        assertEquals("false", System.getProperty(RELOCATED));
    }

    @Test
    void aStoppedServerLeavesNoPropertyItSetAndTheUnshadedAllocatorNameUntouched() throws Exception {
        // here Netty is unshaded, as in the thin artifact embedded as it is: its allocator
        // property is the host's own. Netty reads each property once, so clearing is harmless.
        assertEquals("io.netty.allocator.type", AgentBuffers.allocatorTypeProperty());
        assertEquals("io.netty.leakDetection.level", AgentBuffers.leakDetectionProperty());
        assertEquals("io.netty.recycler.maxCapacityPerThread", AgentBuffers.recyclerCapacityProperty());
        String hostsLeakLevel = System.getProperty("io.netty.leakDetection.level");
        String hostsAllocator = System.getProperty("io.netty.allocator.type");
        String hostsRecycler = System.getProperty("io.netty.recycler.maxCapacityPerThread");
        System.clearProperty(DiagServer.NO_UNSAFE);
        DiagServer server = DiagServer.start(new AgentOptions("props", 0, "127.0.0.1", null, FrameLimits.DEFAULT_MAX),
                0, EmbeddedAgent.cookie("properties test cookie"), Functions.all(), tmp.resolve("audit.log"));
        assertEquals("true", System.getProperty(DiagServer.NO_UNSAFE));
        assertEquals(hostsAllocator, System.getProperty("io.netty.allocator.type"));
        assertEquals(hostsLeakLevel, System.getProperty("io.netty.leakDetection.level"));
        assertEquals(hostsRecycler, System.getProperty("io.netty.recycler.maxCapacityPerThread"));

        server.close();

        assertNull(System.getProperty(DiagServer.NO_UNSAFE));
        assertEquals(hostsAllocator, System.getProperty("io.netty.allocator.type"));
        assertEquals(hostsLeakLevel, System.getProperty("io.netty.leakDetection.level"));
        assertEquals(hostsRecycler, System.getProperty("io.netty.recycler.maxCapacityPerThread"));
    }
}
