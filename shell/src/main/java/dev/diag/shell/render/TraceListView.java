package dev.diag.shell.render;

import dev.diag.protocol.result.TraceInfo;
import dev.diag.protocol.result.TraceList;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trace:status()} and {@code trace:stop()}: the traces running (or just ended), one a line.
 *
 * <pre>
 * ops@localhost traces shop.Pricing.quote, limit {5, 1000}: 120 shown, 0 dropped, 1 class, for 12 s
 * </pre>
 */
public final class TraceListView {
    private TraceListView() {
    }

    public static List<String> status(TraceList list, int width) {
        return render(list, "no trace is running", "", width);
    }

    public static List<String> stopped(TraceList list, int width) {
        return render(list, "no trace was running", "ended: ", width);
    }

    private static List<String> render(TraceList list, String none, String lead, int width) {
        List<String> lines = new ArrayList<>();
        if (list.traces() == null || list.traces().isEmpty()) {
            lines.add(none + " (a node runs at most " + list.max() + " at a time)");
            return lines;
        }
        for (TraceInfo trace : list.traces()) {
            lines.addAll(Wrap.words(lead + trace.caller() + " traces " + trace.target() + ", limit " + trace.limit() + ": "
                    + Units.count(trace.shown()) + " shown, " + Units.count(trace.dropped()) + " dropped, "
                    + trace.classes() + (trace.classes() == 1 ? " class" : " classes") + ", for "
                    + Units.millis(trace.runningMillis()), Math.max(20, width)));
        }
        return lines;
    }
}
