package dev.diag.shell.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A connection to a node's Unix-domain socket (JDK 16+) that {@link DiagClient} uses as it uses a
 * TCP {@link java.net.Socket}: streams, a read timeout ({@link #setSoTimeout}) and close. The JDK's
 * UNIX channels have no socket adaptor and no read timeout, so reads and writes wait on their own
 * selectors; the reader (a call) and the writer (a Ctrl-C's cancel) may be different threads.
 * Only what DiagClient calls is supported.
 */
final class UnixSocket extends java.net.Socket {
    /** sun_path: 108 bytes on Linux, with its terminating NUL. */
    static final int MAX_PATH_BYTES = 107;

    private final SocketChannel channel;
    private final Selector readable;
    private final Selector writable;
    private volatile int timeoutMillis;

    private UnixSocket(SocketChannel channel) throws IOException {
        super((java.net.SocketImpl) null);
        this.channel = channel;
        channel.configureBlocking(false);
        this.readable = Selector.open();
        this.writable = Selector.open();
        channel.register(readable, SelectionKey.OP_READ);
        channel.register(writable, SelectionKey.OP_WRITE);
    }

    /** Connects to the socket file at {@code path}; a path too long for the kernel is an IOException that says so. */
    static UnixSocket connect(Path path) throws IOException {
        if (path.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw new IOException("the socket path " + path + " is longer than the " + MAX_PATH_BYTES
                    + " bytes a Unix-domain socket's address may have");
        }
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(path)); // local: done or refused at once
            return new UnixSocket(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void setSoTimeout(int timeout) {
        this.timeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return timeoutMillis;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        // a local socket has no Nagle to turn off
    }

    @Override
    public boolean isConnected() {
        return channel.isConnected();
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public InputStream getInputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                synchronized (readable) {
                    while (true) {
                        int n = channel.read(buffer);
                        if (n != 0) {
                            return n;
                        }
                        int timeout = timeoutMillis;
                        int ready = readable.select(timeout);
                        if (!channel.isOpen()) {
                            throw new ClosedChannelException(); // closed by another thread meanwhile
                        }
                        if (ready == 0 && timeout > 0) {
                            throw new SocketTimeoutException("no answer within " + timeout + " ms");
                        }
                        readable.selectedKeys().clear();
                    }
                }
            }
        };
    }

    @Override
    public OutputStream getOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                synchronized (writable) {
                    while (buffer.hasRemaining()) {
                        if (channel.write(buffer) == 0) {
                            writable.select();
                            if (!channel.isOpen()) {
                                throw new ClosedChannelException();
                            }
                            writable.selectedKeys().clear();
                        }
                    }
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            // a reader or writer waiting on its selector wakes, finds the channel closed and says so
            readable.close();
            writable.close();
        }
    }
}
