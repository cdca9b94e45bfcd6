package dev.diag.protocol.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the local registry: a running agent, where it listens and which JVM it is in.
 * Written by the agent to {@code nodes/NAME.json}, read by the shell; mapped field by field
 * (docs/protocol.md, "Node registry").
 */
public record NodeRecord(String name, long pid, String bind, int port, String jvm, long startedAtMillis) {
    /** Start times of one process, as recorded and as read back, may differ by rounding. */
    private static final long START_TOLERANCE_MILLIS = 2_000;

    /**
     * Alive when its process still runs and started when the record says: a crashed JVM leaves
     * its record behind, and its pid may since belong to another process.
     */
    public boolean isAlive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return started.isEmpty() || Math.abs(started.get().toEpochMilli() - startedAtMillis) < START_TOLERANCE_MILLIS;
    }

    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode()
                .put("name", name)
                .put("pid", pid)
                .put("bind", bind)
                .put("port", port)
                .put("jvm", jvm)
                .put("startedAtMillis", startedAtMillis);
    }

    /** Reads a record; anything missing or of the wrong type makes the whole record unreadable. */
    public static NodeRecord fromJson(JsonNode json) throws IOException {
        if (json == null || !json.isObject()) {
            throw new IOException("not a node record");
        }
        long port = number(json, "port");
        if (port < 1 || port > 65535) {
            throw new IOException("node record with port " + port);
        }
        return new NodeRecord(text(json, "name"), number(json, "pid"), text(json, "bind"), (int) port,
                text(json, "jvm"), number(json, "startedAtMillis"));
    }

    private static String text(JsonNode json, String field) throws IOException {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("node record without " + field);
        }
        return value.textValue();
    }

    private static long number(JsonNode json, String field) throws IOException {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IOException("node record without " + field);
        }
        return value.longValue();
    }
}
