package dev.diag.protocol.node;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's address as users write it: {@code orders}, {@code orders@db1}, {@code orders@db1:37737},
 * {@code orders@[::1]:37737}. A missing host means this host; a missing port means "look it up".
 */
public record NodeName(String name, String host, Integer port) {
    /** The forms with an '@', compiled only when a name has one (a bare name needs no regular expression). */
    private static final class Forms {
        static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}]");
        static final Pattern FULL = Pattern.compile("([^@]*)(?:@(\\[[^]]*]|[^:]*)(?::(.*))?)?");
    }

    /**
     * True for a bare node name: 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or
     * digit ({@code [A-Za-z0-9][A-Za-z0-9_.-]{0,63}}). Checked by hand: a one-shot call names its node
     * this way, and a regular expression would cost it the compilation and the call sites it links.
     */
    public static boolean isBareName(String name) {
        if (name == null || name.isEmpty() || name.length() > 64 || !isLetterOrDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    public static NodeName parse(String text) throws BadNodeNameException {
        String stripped = text == null ? "" : text.strip();
        if (stripped.indexOf('@') < 0) { // FULL matches it whole as the name
            if (!isBareName(stripped)) {
                throw badName(text);
            }
            return new NodeName(stripped, null, null);
        }
        Matcher m = Forms.FULL.matcher(stripped);
        if (!m.matches()) {
            throw bad(text, "use name, name@host or name@host:port");
        }
        String name = m.group(1);
        if (!isBareName(name)) {
            throw badName(text);
        }
        String host = m.group(2);
        if (host != null && !Forms.HOST.matcher(host).matches()) {
            throw bad(text, "the host after '@' must be a host name or address, e.g. orders@db1 or orders@[::1]:37737");
        }
        Integer port = null;
        if (m.group(3) != null) {
            port = parsePort(text, m.group(3));
        }
        return new NodeName(name, host, port);
    }

    private static BadNodeNameException badName(String text) {
        return bad(text, "a node name is 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
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
