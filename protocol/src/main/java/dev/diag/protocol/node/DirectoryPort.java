package dev.diag.protocol.node;

import java.util.OptionalInt;

/**
 * The host's directory port: one well-known TCP port that every agent of a user also listens on
 * (SO_REUSEPORT), so that {@code name@host} without a port can be looked up there with
 * {@code nodes()} after the usual mutual handshake (docs/protocol.md, "Finding a node by name on
 * another host"). The agent's {@code directory-port=} option and the shell read the same
 * environment variable, {@value #ENV}; 0 turns the directory off.
 */
public final class DirectoryPort {
    /** Next to Erlang's epmd (4369), and the port of Erlang's first distributed node by habit. */
    public static final int DEFAULT = 4370;
    public static final String ENV = "DIAG_DIRECTORY_PORT";
    /** Says what a valid value is, after "DIAG_DIRECTORY_PORT=x " or "directory-port=x ". */
    public static final String RULE = "must be a port number from 1 to 65535, or 0 for no directory";

    private DirectoryPort() {
    }

    /**
     * Reads a setting: unset or blank means {@link #DEFAULT}, 0 means off, 1 to 65535 a port.
     * Empty when the text is none of these.
     */
    public static OptionalInt parse(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.of(DEFAULT);
        }
        String value = text.strip();
        if (!value.matches("\\d{1,5}")) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(value);
        return port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
    }
}
