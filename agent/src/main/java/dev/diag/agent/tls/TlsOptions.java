package dev.diag.agent.tls;

import dev.diag.agent.AgentOptions.BadOptionException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * TLS's part of the agent options.
 *
 * <pre>
 * tls=true|false            speak TLS (default: on for a bind= that is not loopback, off on loopback);
 *                           tls=true on loopback makes every connection TLS, for tests
 * insecure-plaintext=true   accept plaintext from other hosts as well: with tls=false on a bind= that
 *                           is not loopback the agent refuses to start without it, and with it warns
 * </pre>
 *
 * {@code tls} is null when not given: the bind decides (see {@link #policy}).
 */
public record TlsOptions(Boolean tls, boolean insecurePlaintext) {
    public static final TlsOptions DEFAULT = new TlsOptions(null, false);
    /** The option keys, for the agent's list of known options. */
    public static final String KEYS = "tls, insecure-plaintext";

    /** These options with one more {@code key=value} from the agent's option string. */
    public TlsOptions with(String key, String value) throws BadOptionException {
        return switch (key) {
            case "tls" -> new TlsOptions(flag(key, value), insecurePlaintext);
            case "insecure-plaintext" -> new TlsOptions(tls, flag(key, value));
            default -> throw new IllegalArgumentException("not a TLS option: " + key);
        };
    }

    /**
     * What the node accepts on {@code bind}. A connection from this host's loopback never
     * crosses a network, so plaintext stays open to it off loopback too (older shells, local
     * lookups), unless tls=true was asked for outright.
     *
     * @throws BadOptionException for tls=false on a bind that is not loopback without insecure-plaintext=true
     */
    public Policy policy(String bind) throws BadOptionException {
        boolean loopback = isLoopback(bind);
        boolean on = tls != null ? tls : !loopback;
        if (!on && !loopback && !insecurePlaintext) {
            throw new BadOptionException("bind=" + bind + " is not loopback and tls=false would send calls, results "
                    + "and user names across the network readable by anyone on the path; leave out tls=false (TLS is "
                    + "the default off loopback), or add insecure-plaintext=true to accept that");
        }
        boolean plainFromAnywhere = !on || insecurePlaintext;
        return new Policy(on, plainFromAnywhere || tls == null, plainFromAnywhere, plainFromAnywhere && !loopback);
    }

    /**
     * @param tls               the node speaks TLS (and has a key and certificate)
     * @param plainFromLoopback a plain connection from this host's loopback is accepted
     * @param plainFromAnywhere a plain connection from another host is accepted
     * @param warn              plaintext may cross a network: the agent says so once, at start
     */
    public record Policy(boolean tls, boolean plainFromLoopback, boolean plainFromAnywhere, boolean warn) {
    }

    /** 127/8, ::1, and names that resolve only there; an address that cannot be resolved is not loopback. */
    static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // the bind itself fails later, with the system's own reason
        }
    }

    private static boolean flag(String key, String value) throws BadOptionException {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadOptionException("agent option " + key + "=" + value + " must be true or false");
        };
    }
}
