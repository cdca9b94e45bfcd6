package dev.diag.protocol.node;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's short host name, as Erlang shows it in {@code name@host}. */
public final class LocalHost {
    private static volatile String name;

    private LocalHost() {
    }

    public static String name() {
        String cached = name;
        if (cached == null) {
            cached = lookUp();
            name = cached;
        }
        return cached;
    }

    private static String lookUp() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return shortName(fromEnv);
        }
        try {
            return shortName(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String shortName(String host) {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return host; // an address, not a name: nothing to shorten
        }
        int dot = host.indexOf('.');
        return dot > 0 ? host.substring(0, dot) : host;
    }
}
