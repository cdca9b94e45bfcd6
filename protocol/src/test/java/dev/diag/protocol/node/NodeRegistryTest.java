package dev.diag.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeRegistryTest {
    private static final long ME = ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    @Test
    void findsARegisteredNode() throws Exception {
        NodeRegistry registry = new NodeRegistry(tmp.resolve("nodes"));
        NodeRecord orders = record("orders", ME, 4370);
        registry.register(orders);
        assertEquals(Optional.of(orders), registry.lookup("orders"));
        assertEquals(Optional.empty(), registry.lookup("billing"));
    }

    @Test
    void replacesTheRecordOfANodeThatRegistersAgain() throws Exception {
        NodeRegistry registry = new NodeRegistry(tmp.resolve("nodes"));
        registry.register(record("orders", ME, 4370));
        registry.register(record("orders", ME, 4371));
        assertEquals(4371, registry.lookup("orders").orElseThrow().port());
    }

    @Test
    void keepsRecordsPrivateAndLeavesNoTemporaryFiles() throws Exception {
        Path dir = tmp.resolve("nodes");
        new NodeRegistry(dir).register(record("orders", ME, 4370));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("orders.json"))));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("orders.json")), files.toList());
        }
    }

    @Test
    void listsLiveRecordsSortedByName() throws Exception {
        NodeRegistry registry = new NodeRegistry(tmp.resolve("nodes"));
        registry.register(record("orders", ME, 4370));
        registry.register(record("billing", ME, 4371));
        assertEquals(List.of("billing", "orders"), registry.live().stream().map(NodeRecord::name).toList());
    }

    @Test
    void listsNothingWhenNoNodeEverRegistered() {
        assertEquals(List.of(), new NodeRegistry(tmp.resolve("nodes")).live());
    }

    @Test
    void dropsAndRemovesTheRecordOfAProcessThatIsGone() throws Exception {
        Path dir = tmp.resolve("nodes");
        NodeRegistry registry = new NodeRegistry(dir);
        registry.register(record("crashed", exitedPid(), 4370));
        registry.register(record("orders", ME, 4371));

        assertEquals(List.of("orders"), registry.live().stream().map(NodeRecord::name).toList());
        assertFalse(Files.exists(dir.resolve("crashed.json")));
    }

    @Test
    void lookupRemovesAStaleRecord() throws Exception {
        Path dir = tmp.resolve("nodes");
        NodeRegistry registry = new NodeRegistry(dir);
        registry.register(record("crashed", exitedPid(), 4370));
        assertEquals(Optional.empty(), registry.lookup("crashed"));
        assertFalse(Files.exists(dir.resolve("crashed.json")));
    }

    @Test
    void unregisterRemovesOnlyTheRecordOfTheSameProcess() throws Exception {
        Path file = tmp.resolve("nodes/orders.json");
        NodeRegistry registry = new NodeRegistry(tmp.resolve("nodes"));
        registry.register(record("orders", ME, 4370));

        registry.unregister("orders", ME + 1); // an old instance exiting after a new one took the name
        assertTrue(Files.exists(file));
        registry.unregister("orders", ME);
        assertFalse(Files.exists(file));
    }

    @Test
    void skipsUnreadableRecords() throws Exception {
        Path dir = tmp.resolve("nodes");
        NodeRegistry registry = new NodeRegistry(dir);
        registry.register(record("orders", ME, 4370));
        Files.writeString(dir.resolve("broken.json"), "{\"name\": \"bro");
        assertEquals(List.of("orders"), registry.live().stream().map(NodeRecord::name).toList());
        assertEquals(Optional.empty(), registry.lookup("broken"));
    }

    @Test
    void writesOnlyTheRecordsOwnFields() throws Exception {
        Path dir = tmp.resolve("nodes");
        new NodeRegistry(dir).register(record("orders", ME, 4370));
        Set<String> fields = new HashSet<>();
        Json.mapper().readTree(dir.resolve("orders.json").toFile()).fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("name", "pid", "bind", "port", "jvm", "startedAtMillis"), fields);
    }

    static long exitedPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "'true' did not exit within 10 s");
        return process.pid();
    }

    private static NodeRecord record(String name, long pid, int port) {
        return new NodeRecord(name, pid, "127.0.0.1", port, "17.0.15", NodeRecordTest.startedAt());
    }
}
