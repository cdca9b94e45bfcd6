package dev.diag.agent.server;

import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One line on the target's stderr when a connection is refused, at most once a minute, so a
 * port scan or a wrong cookie in a loop cannot flood the target's logs. Reasons are the agent's
 * own words; nothing the peer sent is printed.
 */
final class RefusalLog {
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
    private long lastPrinted = System.nanoTime() - QUIET_NANOS;
    private int suppressed;

    synchronized void refused(SocketAddress peer, String reason) {
        long now = System.nanoTime();
        if (now - lastPrinted < QUIET_NANOS) {
            suppressed++;
            return;
        }
        String more = suppressed == 0 ? "" : " (and " + suppressed + " more refusals in the last minute)";
        System.err.println("diag: refused a connection from " + peer + ": " + reason + more);
        lastPrinted = now;
        suppressed = 0;
    }
}
