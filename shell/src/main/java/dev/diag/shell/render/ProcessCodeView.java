package dev.diag.shell.render;

import dev.diag.protocol.result.CodeFrame;
import dev.diag.protocol.result.ProcessCode;
import dev.diag.protocol.result.ProcessCodeThread;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code check_process_code(Class)}: how many threads run the class's code, then each
 * thread with what it is doing now and every frame of the class, with its depth.
 *
 * <pre>
 * 1 thread runs code of shop.Pricing (of 14 threads, stacks taken in one 2.1 ms pause):
 * &lt;23&gt; checkout-1  TIMED_WAITING  now in java.lang.Thread.sleep
 *     #2 shop.Pricing.price (Pricing.java:12)
 * shop.Pricing was last redefined 8 s ago: frames that began before then finish its old code.
 * </pre>
 */
public final class ProcessCodeView {
    private ProcessCodeView() {
    }

    public static List<String> render(ProcessCode result, long nowMillis, int width) {
        List<String> lines = new ArrayList<>();
        int wrap = Math.max(20, width);
        String classes = String.join(", ", result.classNames());
        String scanned = "of " + Units.count(result.threadsScanned()) + " threads, stacks taken in one "
                + UpgradeView.micros(result.pauseMicros()) + " pause";
        int n = result.threads().size();
        lines.addAll(Wrap.words(n == 0 ? "no thread runs code of " + classes + " (" + scanned + ")"
                : (n == 1 ? "1 thread runs" : n + " threads run") + " code of " + classes + " (" + scanned + "):", wrap));
        for (ProcessCodeThread thread : result.threads()) {
            CodeFrame top = thread.top();
            lines.add("<" + thread.pid() + "> " + thread.name() + "  " + thread.state()
                    + (top == null ? "" : "  now in " + top.className() + "." + top.method()));
            for (CodeFrame frame : thread.frames()) {
                lines.add("    #" + frame.depth() + " " + frame.className() + "." + frame.method() + " ("
                        + (frame.file() == null ? "Unknown Source" : frame.file())
                        + (frame.line() >= 0 ? ":" + frame.line() : "") + ")");
            }
        }
        if (result.redefinedAtMillis() != null) {
            lines.addAll(Wrap.words(classes + " was last redefined " + Units.duration(nowMillis - result.redefinedAtMillis())
                    + " ago: frames that began before then finish its old code, and every new call runs the new. The "
                    + "JVM names no source file for a frame of an older version: those frames show Unknown Source.", wrap));
        }
        if (result.note() != null) {
            lines.addAll(Wrap.words(result.note(), wrap));
        }
        return lines;
    }
}
