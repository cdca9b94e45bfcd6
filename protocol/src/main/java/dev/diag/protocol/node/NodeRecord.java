package dev.diag.protocol.node;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of the local registry: a running agent, where it listens and which JVM it is in.
 * Written by the agent to {@code nodes/NAME.json}, read by the shell; mapped field by field
 * (docs/protocol.md, "Node registry"). {@code startTicks} is the process start time from
 * /proc (see {@link ProcessStart}), null where there is no /proc. {@code cookieFingerprint} names
 * the node's cookie without revealing it ({@link dev.diag.protocol.cookie.Cookie#fingerprint()}),
 * null in records of older agents. {@code tls}: the node speaks TLS, so the shell does too (a
 * record without the field is a plain node).
 */
public record NodeRecord(String name, long pid, String bind, int port, String jvm, long startedAtMillis,
        Long startTicks, String cookieFingerprint, Boolean tls) {

    /** Plain is null, as in a record of before the field, so a plain node's file and JSON stay as they were. */
    public NodeRecord {
        tls = Boolean.TRUE.equals(tls) ? Boolean.TRUE : null;
    }

    /** A plain (not TLS) node's record. */
    public NodeRecord(String name, long pid, String bind, int port, String jvm, long startedAtMillis,
            Long startTicks, String cookieFingerprint) {
        this(name, pid, bind, port, jvm, startedAtMillis, startTicks, cookieFingerprint, null);
    }

    public NodeRecord(String name, long pid, String bind, int port, String jvm, long startedAtMillis, Long startTicks) {
        this(name, pid, bind, port, jvm, startedAtMillis, startTicks, null);
    }

    /** Whether the node speaks TLS, so the shell must too. */
    public boolean speaksTls() {
        return tls != null;
    }

    /** A record without /proc start ticks: liveness is then checked through ProcessHandle. */
    public NodeRecord(String name, long pid, String bind, int port, String jvm, long startedAtMillis) {
        this(name, pid, bind, port, jvm, startedAtMillis, null);
    }

    /** The record of the current process. */
    public static NodeRecord ofThisProcess(String name, String bind, int port) {
        return ofThisProcess(name, bind, port, false);
    }

    /** The record of the current process, a node that speaks TLS if {@code tls}. */
    public static NodeRecord ofThisProcess(String name, String bind, int port, boolean tls) {
        ProcessHandle self = ProcessHandle.current();
        OptionalLong ticks = ProcessStart.ticks(self.pid());
        return new NodeRecord(name, self.pid(), bind, port, Runtime.version().toString(),
                self.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis()),
                ticks.isPresent() ? ticks.getAsLong() : null, null, tls);
    }
    /** This record, saying which cookie the node holds. */
    public NodeRecord withCookieFingerprint(String fingerprint) {
        return new NodeRecord(name, pid, bind, port, jvm, startedAtMillis, startTicks, fingerprint, tls);
    }

    /** Start times of one process, as recorded and as read back, may differ by rounding. */
    private static final long START_TOLERANCE_MILLIS = 2_000;

    /**
     * Alive when its process still runs and started when the record says: a crashed JVM leaves
     * its record behind, and its pid may since belong to another process.
     */
    public boolean isAlive() {
        if (startTicks != null && ProcessStart.supported()) {
            OptionalLong now = ProcessStart.ticks(pid);
            return now.isPresent() && now.getAsLong() == startTicks;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return started.isEmpty() || Math.abs(started.get().toEpochMilli() - startedAtMillis) < START_TOLERANCE_MILLIS;
    }

    /** This record as its registry file's JSON ({@link NodeRecordJson}). */
    public byte[] toJson() {
        return NodeRecordJson.write(this);
    }

    /** Reads a record; anything missing or of the wrong type makes the whole record unreadable. */
    public static NodeRecord fromJson(byte[] json) throws IOException {
        return NodeRecordJson.read(json);
    }
}
