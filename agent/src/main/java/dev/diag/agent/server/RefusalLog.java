package dev.diag.agent.server;

import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The agent's only voice on the target's stderr while it serves: one sentence, at most once a
 * minute, so a port scan, a wrong cookie in a loop or a flood of connections cannot flood the
 * target's logs. The lines it held back are counted in the next one. Reasons are the agent's own
 * words; nothing the peer sent is printed, and never a stack trace.
 */
final class RefusalLog {
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
    private long lastPrinted = System.nanoTime() - QUIET_NANOS;
    private int suppressed;

    void refused(SocketAddress peer, String reason) {
        problem("refused a connection " + (peer instanceof UnixDomainSocketAddress ? "on the Unix-domain socket"
                : "from " + peer) + ": " + reason);
    }

    /** {@code sentence} without "diag: " and without a full stop. */
    synchronized void problem(String sentence) {
        long now = System.nanoTime();
        if (now - lastPrinted < QUIET_NANOS) {
            suppressed++;
            return;
        }
        String more = suppressed == 0 ? "" : " (and " + suppressed + " more in the last minute)";
        System.err.println("diag: " + sentence + more);
        lastPrinted = now;
        suppressed = 0;
    }
}
