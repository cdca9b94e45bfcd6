package dev.diag.shell.render;

import dev.diag.protocol.result.Backtrace;
import dev.diag.protocol.result.LockRef;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.StackFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code process_info(Pid, backtrace)}, laid out as jstack lays out a thread so it reads at a
 * glance to anyone who knows one, with what jstack does not say: who holds what it waits for,
 * or, for a thread parked on a mailbox's queue, which mailbox and who drains it.
 *
 * <pre>
 * &lt;61&gt; "request-handler-3" WAITING
 *   waiting for &lt;0x1b2c3d&gt; (a java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject)
 *   waiting on mailbox log-writer (1,000/1,000), drained by &lt;23&gt; log-writer
 *     at java.util.concurrent.ArrayBlockingQueue.put(ArrayBlockingQueue.java:370)
 *     - locked &lt;0x5e6f7a&gt; (a dev.diag.demo.Session)
 * </pre>
 */
public final class BacktraceView {
    private BacktraceView() {
    }

    public static List<String> render(Backtrace trace, int width) {
        List<String> lines = new ArrayList<>();
        lines.add("<" + trace.pid() + "> \"" + trace.name() + "\" " + trace.state());
        if (trace.waitingOn() != null) {
            lines.add("  waiting for " + lock(trace.waitingOn())
                    + (trace.waitingOnOwner() == null ? "" : " held by " + ref(trace.waitingOnOwner())));
        }
        if (trace.waitsForMailbox() != null) {
            lines.add("  waiting on mailbox " + trace.waitsForMailbox() + fill(trace) + (trace.mailboxOwners() == null
                    || trace.mailboxOwners().isEmpty() ? "" : ", drained by " + refs(trace.mailboxOwners())));
        }
        for (StackFrame frame : trace.frames()) {
            lines.add("    at " + frame(frame));
            for (LockRef monitor : frame.lockedMonitors()) {
                lines.add("    - locked " + lock(monitor));
            }
        }
        if (trace.lockedSynchronizers() == null) {
            lines.add("  locked synchronizers: not looked for");
        } else if (!trace.lockedSynchronizers().isEmpty()) {
            lines.add("  locked synchronizers:");
            trace.lockedSynchronizers().forEach(lock -> lines.add("    - " + lock(lock)));
        }
        return lines.stream().map(line -> IView.cut(line, Math.max(20, width))).toList();
    }

    public static String frame(StackFrame frame) {
        return frame(frame.className(), frame.method(), frame.file(), frame.line(), frame.nativeMethod());
    }

    /** A frame as jstack prints it; {@link BacktraceText} prints a row's frames with it too. */
    static String frame(String className, String method, String file, int line, boolean nativeMethod) {
        String where = nativeMethod ? "Native Method"
                : file == null ? "Unknown Source"
                : line >= 0 ? file + ":" + line : file;
        return className + "." + method + "(" + where + ")";
    }

    static String lock(LockRef lock) {
        return lock(lock.className(), lock.identityHashCode());
    }

    static String lock(String className, int identityHashCode) {
        return "<0x" + Integer.toHexString(identityHashCode) + "> (a " + className + ")";
    }

    /** " (256/256)", " (12)" for an unbounded queue, "" from an agent that did not say. */
    private static String fill(Backtrace trace) {
        return fill(trace.mailboxSize(), trace.mailboxCapacity());
    }

    static String fill(Integer size, Integer capacity) {
        if (size == null) {
            return "";
        }
        return " (" + Units.count(size) + (capacity == null ? "" : "/" + Units.count(capacity)) + ")";
    }

    static String ref(ProcessRef ref) {
        return ref(ref.pid(), ref.name());
    }

    static String ref(long pid, String name) {
        return "<" + pid + ">" + (name == null ? "" : " " + name);
    }

    static String refs(List<ProcessRef> refs) {
        return String.join(", ", refs.stream().map(BacktraceView::ref).toList());
    }
}
