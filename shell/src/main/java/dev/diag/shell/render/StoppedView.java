package dev.diag.shell.render;

import dev.diag.protocol.result.Stopped;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code stop()}: which node stops, what happens next and what the JVM keeps, since the
 * node closes the connection right after this answer and cannot be asked again.
 *
 * <pre>
 * orders@vm stops: its sockets close, its registry entry goes and its threads end; the app runs on
 * bin/diag inject PID loads a fresh agent into the same JVM
 * </pre>
 */
public final class StoppedView {
    private StoppedView() {
    }

    public static List<String> render(Stopped stopped, int width) {
        List<String> lines = new ArrayList<>();
        lines.add(stopped.node() + " stops: its sockets close, its registry entry goes and its threads end; "
                + "the app runs on");
        if (Stopped.HEART_STOPPED.equals(stopped.heart())) {
            lines.add("heart said goodbye and exits without a restart: the node runs on without a watchdog");
        }
        if (stopped.redefinedClasses() > 0) {
            lines.add(stopped.redefinedClasses() + (stopped.redefinedClasses() == 1 ? " class keeps" : " classes keep")
                    + " the code diag loaded: stopping undoes no redefinition (code:rollback before stop() does)");
        }
        lines.add("diag inject PID loads a fresh agent into the same JVM");
        return lines;
    }
}
