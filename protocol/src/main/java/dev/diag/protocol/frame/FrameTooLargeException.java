package dev.diag.protocol.frame;

import java.io.IOException;

/** A peer declared a frame longer than the current cap; the connection must close unread. */
public final class FrameTooLargeException extends IOException {
    public FrameTooLargeException(long declared, int max) {
        super("frame of " + declared + " bytes is over the limit of " + max + " bytes");
    }
}
