package dev.diag.protocol.cookie;

import java.io.IOException;

/** The cookie file cannot be used; the message names the file and the fix, never the cookie. */
public class CookieException extends IOException {
    public CookieException(String message) {
        super(message);
    }
}
