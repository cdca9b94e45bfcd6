package dev.diag.protocol.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NodeRecordTest {

    @Test
    void isAliveWhileItsProcessRuns() {
        assertTrue(new NodeRecord("me", ProcessHandle.current().pid(), "127.0.0.1", 4370, "17", 0).isAlive());
    }

    @Test
    void isNotAliveOnceItsProcessHasExited() throws Exception {
        assertFalse(new NodeRecord("gone", NodeRegistryTest.exitedPid(), "127.0.0.1", 4370, "17", 0).isAlive());
    }
}
