package dev.diag.protocol.message;

import java.io.IOException;

/** A payload that is not one of the protocol's messages. */
public final class MalformedMessageException extends IOException {
    public MalformedMessageException(String message) {
        super(message);
    }
}
