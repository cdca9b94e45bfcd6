package dev.diag.protocol.node;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.UnknownHostException;

/** This machine's short host name, as Erlang shows it in {@code name@host}. */
public final class LocalHost {
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");
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
        // The kernel's name first: asking the resolver can stall for seconds on a host whose
        // own name does not resolve, and a sick host is exactly where diag runs.
        try {
            String kernel = Files.readString(KERNEL_HOSTNAME).strip();
            if (!kernel.isEmpty()) {
                return shortName(kernel);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
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
        if (AddressLiterals.isDottedDigits(host) || host.contains(":")) {
            return host; // an address, not a name: nothing to shorten
        }
        int dot = host.indexOf('.');
        return dot > 0 ? host.substring(0, dot) : host;
    }
}
