package dev.diag.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NodeRecordTest {

    @Test
    void isAliveWhileItsProcessRuns() {
        assertTrue(new NodeRecord("me", ProcessHandle.current().pid(), "127.0.0.1", 4370, "17", startedAt()).isAlive());
    }

    @Test
    void isNotAliveOnceItsProcessHasExited() throws Exception {
        assertFalse(new NodeRecord("gone", NodeRegistryTest.exitedPid(), "127.0.0.1", 4370, "17", 0).isAlive());
    }

    @Test
    void isStaleWhenItsPidNowBelongsToAProcessStartedLater() {
        long anHourBefore = startedAt() - 3_600_000;
        assertFalse(new NodeRecord("reused", ProcessHandle.current().pid(), "127.0.0.1", 4370, "17", anHourBefore).isAlive());
    }

    static long startedAt() {
        return ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    }

    @Test
    void recordOfThisProcessIsAliveAndRoundTripsThroughJson() throws Exception {
        NodeRecord me = NodeRecord.ofThisProcess("me", "127.0.0.1", 4370);
        assertTrue(me.isAlive());
        assertEquals(me, NodeRecord.fromJson(me.toJson()));
    }

    @Test
    void isStaleWhenProcStartTicksDifferFromTheRecorded() {
        NodeRecord me = NodeRecord.ofThisProcess("me", "127.0.0.1", 4370);
        org.junit.jupiter.api.Assumptions.assumeTrue(me.startTicks() != null, "no /proc here");
        NodeRecord reused = new NodeRecord("me", me.pid(), "127.0.0.1", 4370, "17", me.startedAtMillis(),
                me.startTicks() - 1);
        assertFalse(reused.isAlive());
    }

    @Test
    void aTlsNodesRecordSaysSoAndRoundTrips() throws Exception {
        NodeRecord me = NodeRecord.ofThisProcess("me", "0.0.0.0", 4370, true);
        assertTrue(me.toJson().get("tls").booleanValue());
        assertEquals(me, NodeRecord.fromJson(me.toJson()));
    }

    @Test
    void aRecordWithoutTheTlsFieldIsAPlainNode() throws Exception {
        NodeRecord me = NodeRecord.ofThisProcess("me", "127.0.0.1", 4370);
        assertFalse(me.toJson().has("tls"), "plain records stay as they were, for older shells");
        assertFalse(NodeRecord.fromJson(me.toJson()).speaksTls());
    }

    @Test
    void aTlsFieldThatIsNotABooleanMakesTheRecordUnreadable() {
        var json = NodeRecord.ofThisProcess("me", "127.0.0.1", 4370).toJson().put("tls", "yes");
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> NodeRecord.fromJson(json));
    }
}
