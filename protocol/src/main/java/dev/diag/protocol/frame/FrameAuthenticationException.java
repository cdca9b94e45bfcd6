package dev.diag.protocol.frame;

import java.io.IOException;

/** An authenticated session received a frame it must not accept; the session ends. */
public final class FrameAuthenticationException extends IOException {
    public FrameAuthenticationException(String message) {
        super(message);
    }
}
