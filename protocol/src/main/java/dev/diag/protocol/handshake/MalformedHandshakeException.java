package dev.diag.protocol.handshake;

/** The peer sent bytes that are not the handshake message expected now. */
public final class MalformedHandshakeException extends HandshakeException {
    public MalformedHandshakeException(String message) {
        super(Failure.MALFORMED, message);
    }
}
