package dev.diag.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay between the shell and a node that keeps every byte crossing it, both ways: a
 * capture of the loopback wire without tcpdump (which needs root and may not be installed).
 * {@link #openStreams} is the seam a man in the middle overrides to see inside the bytes.
 */
class RecordingRelay implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress node;
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final List<Socket> sockets = new ArrayList<>();

    RecordingRelay(InetSocketAddress node) throws IOException {
        this.node = node;
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    /** Starts accepting; after construction, so a subclass is whole before its first connection. */
    RecordingRelay start() {
        Thread acceptor = new Thread(this::acceptAll, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every byte seen so far, both directions, in arrival order. */
    byte[] captured() {
        synchronized (wire) {
            return wire.toByteArray();
        }
    }

    /** The two ends to pump between: by default the sockets as they are, so the bytes are the wire's. */
    protected Socket[] openStreams(Socket client, Socket toNode) throws IOException {
        return new Socket[] {client, toNode};
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket toNode = new Socket(node.getAddress(), node.getPort());
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(toNode);
                }
                Thread opener = new Thread(() -> {
                    try {
                        Socket[] ends = openStreams(client, toNode);
                        pump(ends[0].getInputStream(), ends[1].getOutputStream(), ends);
                        pump(ends[1].getInputStream(), ends[0].getOutputStream(), ends);
                    } catch (IOException e) {
                        closeQuietly(client);
                        closeQuietly(toNode);
                    }
                }, "relay-open");
                opener.setDaemon(true);
                opener.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(InputStream in, OutputStream out, Socket[] ends) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (wire) {
                        wire.write(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side hung up
            } finally {
                closeQuietly(ends[0]);
                closeQuietly(ends[1]);
            }
        }, "relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            sockets.forEach(RecordingRelay::closeQuietly);
        }
    }
}
