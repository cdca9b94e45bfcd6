package dev.diag.protocol.node;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        assertTrue(json(me).contains("\"tls\":true"), json(me));
        assertEquals(me, NodeRecord.fromJson(me.toJson()));
    }

    @Test
    void aRecordWithoutTheTlsFieldIsAPlainNode() throws Exception {
        NodeRecord me = NodeRecord.ofThisProcess("me", "127.0.0.1", 4370);
        assertFalse(json(me).contains("tls"), "plain records stay as they were, for older shells");
        assertFalse(NodeRecord.fromJson(me.toJson()).speaksTls());
    }

    @Test
    void aTlsFieldThatIsNotABooleanMakesTheRecordUnreadable() {
        String json = json(NodeRecord.ofThisProcess("me", "127.0.0.1", 4370));
        assertThrows(IOException.class, () -> read(json.replace("}", ",\"tls\":\"yes\"}")));
    }

    /** The bytes the registry file held when a Jackson tree wrote it: older shells read them. */
    @Test
    void isWrittenAsBeforeFieldByField() {
        assertEquals("{\"name\":\"n\\\"1\",\"pid\":4242,\"bind\":\"0.0.0.0\",\"port\":4370,\"jvm\":\"17.0.15+6\","
                + "\"startedAtMillis\":1765000000000,\"tls\":true,\"startTicks\":123456789012,\"cookieFingerprint\":\"ab12\"}",
                json(new NodeRecord("n\"1", 4242, "0.0.0.0", 4370, "17.0.15+6", 1765000000000L, 123456789012L, "ab12", true)));
        assertEquals("{\"name\":\"plain\",\"pid\":1,\"bind\":\"127.0.0.1\",\"port\":1,\"jvm\":\"25\",\"startedAtMillis\":0}",
                json(new NodeRecord("plain", 1, "127.0.0.1", 1, "25", 0)));
    }

    @Test
    void readingSkipsUnknownFieldsAndTakesTheLastOfATwiceGivenField() throws Exception {
        NodeRecord read = read("{\"future\":{\"a\":[1,{\"b\":null}]},\"name\":\"x\",\"pid\":7,\"bind\":\"127.0.0.1\","
                + "\"port\":99,\"port\":4370,\"jvm\":\"17\",\"startedAtMillis\":5,\"startTicks\":null,\"cookieFingerprint\":null,\"tls\":null}");
        assertEquals(new NodeRecord("x", 7, "127.0.0.1", 4370, "17", 5), read);
    }

    @Test
    void aMissingOrMistypedFieldOrTrailingTextMakesTheRecordUnreadable() {
        String good = "{\"name\":\"x\",\"pid\":7,\"bind\":\"127.0.0.1\",\"port\":4370,\"jvm\":\"17\",\"startedAtMillis\":5}";
        assertDoesNotThrow(() -> read(good));
        for (String bad : List.of(good.replace("\"pid\":7,", ""), good.replace("\"pid\":7", "\"pid\":\"7\""),
                good.replace("\"pid\":7", "\"pid\":7.5"), good.replace("\"pid\":7", "\"pid\":99999999999999999999"),
                good.replace("\"name\":\"x\"", "\"name\":[\"x\"]"), good.replace("4370", "70000"),
                good.replace("}", ",\"startTicks\":\"1\"}"), good.replace("}", ",\"cookieFingerprint\":1}"),
                good + " {}", "[" + good + "]", "", good.substring(0, good.length() - 1))) {
            assertThrows(IOException.class, () -> read(bad), bad);
        }
    }

    private static String json(NodeRecord record) {
        return new String(record.toJson(), StandardCharsets.UTF_8);
    }

    private static NodeRecord read(String json) throws IOException {
        return NodeRecord.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }
}
