package dev.diag.protocol.handshake;

/** A handshake the agent refuses, carrying the REJECT body to send before closing. */
public final class AgentHandshakeException extends HandshakeException {
    private final transient byte[] reply;

    AgentHandshakeException(Failure failure, RejectReason reason, String message) {
        super(failure, message);
        this.reply = new HandshakeMessage.Reject(reason, message).encode();
    }

    public byte[] reply() {
        return reply.clone();
    }
}
