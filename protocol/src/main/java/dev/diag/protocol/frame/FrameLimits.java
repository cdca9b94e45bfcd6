package dev.diag.protocol.frame;

/**
 * Size limits of a frame body, checked against the declared length before a byte of the
 * body is read or allocated.
 *
 * <pre>
 * +----------------+---------------------------+
 * | length: u32 BE | body: length bytes        |
 * +----------------+---------------------------+
 * </pre>
 *
 * Before authentication the body is at most {@link #PRE_AUTH_MAX} bytes; after it, a cap set by
 * the agent's {@code max-frame=} option (default {@link #DEFAULT_MAX}).
 */
public final class FrameLimits {
    /** Handshake messages are tiny; anything bigger is not a diag client. */
    public static final int PRE_AUTH_MAX = 4 * 1024;
    public static final int DEFAULT_MAX = 16 * 1024 * 1024;
    public static final int HEADER_BYTES = 4;

    private FrameLimits() {
    }

    /** Throws unless {@code length} is a body length a peer may declare under {@code max}. */
    public static void check(long length, int max) throws FrameTooLargeException {
        if (length < 0 || length > max) {
            throw new FrameTooLargeException(length, max);
        }
    }
}
