package dev.diag.protocol.node;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's address as users write it: {@code orders}, {@code orders@db1}, {@code orders@db1:37737},
 * {@code orders@[::1]:37737}. A missing host means this host; a missing port means "look it up".
 */
public record NodeName(String name, String host, Integer port) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final Pattern FULL = Pattern.compile("([^@]*)(?:@(\\[[^]]*]|[^:]*)(?::(.*))?)?");

    /** True for a bare node name: 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit. */
    public static boolean isBareName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static NodeName parse(String text) throws BadNodeNameException {
        Matcher m = FULL.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw bad(text, "use name, name@host or name@host:port");
        }
        String name = m.group(1);
        if (!NAME.matcher(name).matches()) {
            throw bad(text, "a node name is 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        String host = m.group(2);
        if (host != null && !HOST.matcher(host).matches()) {
            throw bad(text, "the host after '@' must be a host name or address, e.g. orders@db1 or orders@[::1]:37737");
        }
        Integer port = null;
        if (m.group(3) != null) {
            port = parsePort(text, m.group(3));
        }
        return new NodeName(name, host, port);
    }

    /** True when the host part names this machine (or is absent). */
    public boolean isLocal() {
        return host == null || host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equalsIgnoreCase(LocalHost.name());
    }

    /** The host to open a socket to; brackets stripped from IPv6 literals. */
    public String connectHost() {
        if (host == null) {
            return "127.0.0.1";
        }
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return name + "@" + (host == null ? LocalHost.name() : host) + (port == null ? "" : ":" + port);
    }

    private static int parsePort(String text, String port) throws BadNodeNameException {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(text, "the port after ':' must be a number from 1 to 65535");
    }

    private static BadNodeNameException bad(String text, String rule) {
        return new BadNodeNameException("'" + text + "' is not a node name: " + rule);
    }
}
