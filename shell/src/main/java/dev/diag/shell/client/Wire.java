package dev.diag.shell.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The byte channel one session runs over: a TCP socket ({@link SocketWire}) or the pipes of a
 * {@code --via} command ({@link TunnelWire}). The handshake and the frames are the same on
 * both; only opening, timing out and closing differ.
 */
public interface Wire extends AutoCloseable {
    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /**
     * From now on a read that waits longer than {@code millis} throws a
     * {@link java.net.SocketTimeoutException}; 0 waits forever.
     */
    void readTimeout(int millis) throws IOException;

    /** Closes the channel and frees what it holds (a socket, a child process); safe to call twice. */
    @Override
    void close() throws IOException;
}
