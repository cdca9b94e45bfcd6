package dev.diag.shell.render;

import dev.diag.protocol.result.Deadlock;
import dev.diag.protocol.result.Deadlocks;
import dev.diag.protocol.result.LockRef;
import dev.diag.protocol.result.LockWait;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deadlocks()}: each cycle, one thread per edge with the lock it waits for and who holds it,
 * the frame where it waits and where the holder took that monitor; then the threads stuck behind
 * the cycle; then the node's note. An edge too wide for the terminal breaks before "waits for" and
 * "held by" rather than losing its end.
 *
 * <pre>
 * deadlock 1 (2 threads):
 *   &lt;31&gt; worker-a  BLOCKED  waits for java.lang.Object@1b6d3586 (monitor)  held by &lt;32&gt; worker-b
 *       at Bank.transfer(Bank.java:41)
 *       &lt;32&gt; locked it at Bank.transfer(Bank.java:38)
 * </pre>
 */
public final class DeadlocksView {
    private static final String EDGE = "  ";
    private static final String DETAIL = "      ";

    private DeadlocksView() {
    }

    public static List<String> render(Deadlocks result, int width) {
        int w = Math.max(20, width);
        List<String> lines = new ArrayList<>();
        if (result.deadlocks().isEmpty()) {
            lines.add("no deadlocks");
        }
        for (int i = 0; i < result.deadlocks().size(); i++) {
            Deadlock deadlock = result.deadlocks().get(i);
            if (i > 0) {
                lines.add("");
            }
            lines.add("deadlock " + (i + 1) + " (" + threads(deadlock.cycle().size()) + "):");
            deadlock.cycle().forEach(edge -> edge(lines, edge, w));
            int behind = deadlock.blockedBehind().size() + deadlock.moreBlockedBehind();
            if (behind > 0) {
                lines.add("  blocked behind it, not in the cycle (" + threads(behind) + "):");
                deadlock.blockedBehind().forEach(edge -> edge(lines, edge, w));
            }
            if (deadlock.moreBlockedBehind() > 0) {
                lines.add(EDGE + "… " + deadlock.moreBlockedBehind() + " more blocked behind it");
            }
        }
        if (result.note() != null && !result.note().isBlank()) {
            if (!result.deadlocks().isEmpty()) {
                lines.add("");
            }
            lines.addAll(Wrap.words(result.note(), w));
        }
        return lines;
    }

    private static void edge(List<String> lines, LockWait edge, int width) {
        String head = EDGE + "<" + edge.pid() + "> " + edge.name() + "  " + edge.state();
        String waits = "waits for " + lock(edge.lock()) + (LockWait.MONITOR.equals(edge.kind()) ? " (monitor)" : "");
        String held = "held by " + BacktraceView.ref(edge.heldBy());
        String whole = head + "  " + waits + "  " + held;
        if (whole.length() <= width) {
            lines.add(whole);
        } else {
            lines.add(IView.cut(head, width));
            lines.add(IView.cut(DETAIL + waits, width));
            lines.add(IView.cut(DETAIL + held, width));
        }
        if (edge.at() != null) {
            lines.add(IView.cut(DETAIL + "at " + BacktraceView.frame(edge.at()), width));
        }
        if (edge.lockedAt() != null) {
            lines.add(IView.cut(DETAIL + "<" + edge.heldBy().pid() + "> locked it at "
                    + BacktraceView.frame(edge.lockedAt()), width));
        }
    }

    /** {@code java.lang.Object@1b6d3586}, as Object.toString names it; backtraces print the same hash as {@code <0x1b6d3586>}. */
    static String lock(LockRef lock) {
        return lock.className() + "@" + Integer.toHexString(lock.identityHashCode());
    }

    private static String threads(int n) {
        return n + (n == 1 ? " thread" : " threads");
    }
}
