package dev.diag.protocol.handshake;

/** Why an agent refused a handshake; the code travels in a REJECT message. */
public enum RejectReason {
    VERSION(1),
    BAD_PROOF(2),
    MALFORMED(3),
    /** A plain HELLO to a node that accepts only TLS from this peer; an older shell shows the text. */
    TLS_REQUIRED(4),
    UNKNOWN(255);

    final int code;

    RejectReason(int code) {
        this.code = code;
    }

    static RejectReason of(byte code) {
        for (RejectReason reason : values()) {
            if (reason.code == Byte.toUnsignedInt(code)) {
                return reason;
            }
        }
        return UNKNOWN;
    }
}
