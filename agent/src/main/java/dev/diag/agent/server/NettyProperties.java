package dev.diag.agent.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The system properties the agent sets for its relocated Netty, and clears again when it stops.
 * A system property is the JVM's, not ours: a name Netty reads unrelocated ({@code io.netty.*},
 * as when the thin artifact is embedded without shading) would change the host application's
 * own Netty, and a value somebody already set is theirs. So a property is set only under a
 * relocated name that nobody has set, and only what was set here is cleared at stop.
 *
 * <pre>
 * NettyProperties ours = new NettyProperties();
 * ours.setIfFree("dev.diag.agent.shaded.io.netty.noUnsafe", "true");
 * ...
 * ours.clear();   // the server's close: leaves nothing behind
 * </pre>
 */
final class NettyProperties {
    /**
     * Built at run time: the agent jar's shading rewrites every string constant that starts with
     * Netty's package, so a literal here would read "dev.diag.agent.shaded.io.netty." in the jar and
     * refuse the very names it is for (then Netty used sun.misc.Unsafe and printed JDK 24+'s
     * deprecation warnings into the target's stderr: ConnectionLimitsIT, StopIT).
     */
    private static final String UNRELOCATED = String.join(".", "io", "netty", "");

    private final List<String> set = new ArrayList<>();

    /** Sets {@code name} to {@code value} unless Netty reads it unrelocated or it already has a value; says whether it did. */
    synchronized boolean setIfFree(String name, String value) {
        if (name.startsWith(UNRELOCATED) || System.getProperty(name) != null) {
            return false;
        }
        System.setProperty(name, value);
        set.add(name);
        return true;
    }

    /** Clears what {@link #setIfFree} set (Netty read each once, when it first needed it). */
    synchronized void clear() {
        set.forEach(System::clearProperty);
        set.clear();
    }
}
