package dev.diag.protocol.node;

/** A node name that does not parse; the message says what a node name looks like. */
public final class BadNodeNameException extends Exception {
    public BadNodeNameException(String message) {
        super(message);
    }
}
