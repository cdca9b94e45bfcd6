package dev.diag.agent.server.unix;

import java.io.IOException;
import java.net.SocketAddress;

/** Addresses of the JDK's UNIX channels for Netty, which asks for them where it cannot take an IOException. */
final class Addresses {
    private Addresses() {
    }

    interface Source {
        SocketAddress get() throws IOException;
    }

    /** The address, or null when the channel is closed: Netty's "not known". */
    static SocketAddress orNull(Source source) {
        try {
            return source.get();
        } catch (IOException e) {
            return null;
        }
    }

    /** Neither the listener nor an accepted connection ever connects anywhere. */
    static UnsupportedOperationException noConnect() {
        return new UnsupportedOperationException("a diag Unix-domain socket only accepts");
    }
}
