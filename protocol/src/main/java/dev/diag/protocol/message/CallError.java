package dev.diag.protocol.message;

/** Why a call failed: a stable code for scripts and one plain sentence for people. */
public record CallError(String code, String message) {
    public static final String UNKNOWN_FUNCTION = "unknown_function";
    public static final String BAD_ARGUMENT = "bad_argument";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final String BUSY = "busy";
    public static final String MALFORMED = "malformed";
}
