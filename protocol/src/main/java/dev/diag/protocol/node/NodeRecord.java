package dev.diag.protocol.node;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One line of the local registry: a running agent, where it listens and which JVM it is in.
 * Written by the agent to {@code nodes/NAME.json}, read by the shell.
 */
public record NodeRecord(String name, long pid, String bind, int port, String jvm, long startedAtMillis) {

    /** Alive when its process still runs; a crashed JVM leaves its record behind. */
    @JsonIgnore // a fact about now, not part of the record on disk
    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
