package dev.diag.protocol.cookie;

/**
 * A file or directory of diag's that another local user could change (see {@link StrictModes}):
 * the message names the path and the command that fixes it.
 */
public final class UnsafePathException extends CookieException {
    public UnsafePathException(String message) {
        super(message);
    }
}
