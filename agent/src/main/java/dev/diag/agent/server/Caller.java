package dev.diag.agent.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Who a session belongs to, as a busy node names its callers: {@code alice@localhost}. The user
 * is the name the client gave in its HELLO (the Java shell sends {@code diag-shell USER}), said by
 * a holder of the cookie but not proved; the host is the peer's address as the socket has it,
 * never looked up in DNS (a lookup could stall the I/O thread).
 */
record Caller(String user, String host) {
    private static final String SHELL_PREFIX = "diag-shell ";

    static Caller of(String clientName, SocketAddress remote) {
        String user = clientName == null || clientName.isBlank() ? "someone"
                : clientName.startsWith(SHELL_PREFIX) ? clientName.substring(SHELL_PREFIX.length()) : clientName;
        return new Caller(user, host(remote));
    }

    private static String host(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().isLoopbackAddress() ? "localhost" : inet.getAddress().getHostAddress();
        }
        return "this host"; // a local socket, or an address the channel no longer knows
    }

    @Override
    public String toString() {
        return user + "@" + host;
    }
}
