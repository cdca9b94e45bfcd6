package dev.diag.protocol.node;

/**
 * One node as a directory lists it ({@code nodes()}): where it listens and which JVM it is.
 * {@code uptimeMillis} is counted by the agent that answered, so a client on another host needs
 * no synchronised clock to show it. {@code tls}: the node speaks TLS (absent from an older
 * agent's answer: false).
 */
public record NodeEntry(String name, long pid, String bind, int port, String jvm, long startedAtMillis,
        long uptimeMillis, Boolean tls) {

    /** Whether the node speaks TLS, so the shell must too. */
    public boolean speaksTls() {
        return Boolean.TRUE.equals(tls);
    }

    static NodeEntry of(NodeRecord record, long nowMillis) {
        return new NodeEntry(record.name(), record.pid(), record.bind(), record.port(), record.jvm(),
                record.startedAtMillis(), Math.max(0, nowMillis - record.startedAtMillis()), record.tls());
    }
}
