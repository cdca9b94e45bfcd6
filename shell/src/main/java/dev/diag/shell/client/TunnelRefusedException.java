package dev.diag.shell.client;

import java.net.ConnectException;

/**
 * The far end of a {@code --via} tunnel refused the port (ssh: "open failed: connect failed:
 * Connection refused"): nothing listens there, so it is handled as a refused TCP connection is.
 */
final class TunnelRefusedException extends ConnectException {
    TunnelRefusedException(String message) {
        super(message);
    }
}
