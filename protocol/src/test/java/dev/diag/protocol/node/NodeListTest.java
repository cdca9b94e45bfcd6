package dev.diag.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.message.JsonTree;
import dev.diag.protocol.message.RecordReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeListTest {

    @Test
    void listsEachRecordWithItsAddressAndTheUptimeTheAnsweringNodeCounts() {
        NodeList list = NodeList.of("db1", List.of(record("alpha", 8557, 37737, 1_000), record("beta", 8600, 41000, 4_000)),
                10_000);
        assertEquals("db1", list.host());
        assertEquals(List.of("alpha", "beta"), list.names());
        assertEquals(new NodeEntry("alpha", 8557, "127.0.0.1", 37737, "17.0.15", 1_000, 9_000, null), list.nodes().get(0));
        assertEquals(6_000, list.find("beta").orElseThrow().uptimeMillis());
        assertNull(list.note());
    }

    @Test
    void findsOnlyTheExactName() {
        NodeList list = NodeList.of("db1", List.of(record("alpha", 1, 4000, 0)), 0);
        assertEquals(Optional.empty(), list.find("Alpha"));
        assertEquals(Optional.empty(), list.find("alph"));
    }

    @Test
    void neverShowsANegativeUptimeWhenTheClockWentBack() {
        assertEquals(0, NodeList.of("db1", List.of(record("alpha", 1, 4000, 5_000)), 1_000).nodes().get(0).uptimeMillis());
    }

    @Test
    void sendsAtMostAThousandNodesAndSaysHowManyWereLeftOut() {
        List<NodeRecord> many = new ArrayList<>();
        for (int i = 0; i < NodeList.MAX_NODES + 7; i++) {
            many.add(record("n" + i, i + 1, 4000, 0));
        }
        NodeList list = NodeList.of("db1", many, 0);
        assertEquals(NodeList.MAX_NODES, list.nodes().size());
        assertEquals("7 more nodes were left out (at most 1000 are sent).", list.note());
    }

    @Test
    void travelsAsJsonAndIsReadBackByTheShellsReader() throws Exception {
        NodeList sent = NodeList.of("db1", List.of(record("alpha", 8557, 37737, 1_000)), 2_000);
        JsonNode wire = JsonTree.parse(JsonTree.bytes(Json.mapper().valueToTree(sent)));
        assertTrue(!wire.has("note"), wire.toString()); // null fields are left out
        assertEquals(sent, RecordReader.read(wire, NodeList.class));
    }

    @Test
    void readsAnAnswerWithoutNodesAsAnEmptyList() throws Exception {
        NodeList read = RecordReader.read(JsonTree.parse("{\"host\":\"db1\"}".getBytes()), NodeList.class);
        assertEquals(List.of(), read.nodes());
    }

    private static NodeRecord record(String name, long pid, int port, long startedAt) {
        return new NodeRecord(name, pid, "127.0.0.1", port, "17.0.15", startedAt);
    }
}
