package dev.diag.shell.render;

import dev.diag.protocol.result.GarbageCollect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code garbage_collect()}: each pool's used bytes before and after and what was freed, the
 * collectors' counts and time, and plainly when the JVM ignored the request.
 */
public final class GarbageCollectView {
    private GarbageCollectView() {
    }

    public static List<String> render(GarbageCollect gc, int width) {
        Table pools = Table.ofFigures("POOL", "TYPE", "BEFORE", "AFTER", "FREED");
        pools.row("heap", "", Units.bytes(gc.heapUsedBefore()), Units.bytes(gc.heapUsedAfter()),
                Units.bytes(gc.heapUsedBefore() - gc.heapUsedAfter()));
        gc.pools().stream()
                .sorted(Comparator.comparing((GarbageCollect.PoolChange p) -> !p.type().equals("heap")))
                .forEach(p -> pools.row("  " + p.name(), p.type().replace('_', '-'), Units.bytes(p.usedBefore()),
                        Units.bytes(p.usedAfter()), Units.bytes(p.usedBefore() - p.usedAfter())));
        Table collectors = Table.ofFigures("COLLECTOR", "COLLECTIONS", "TIME", "THIS CALL");
        for (GarbageCollect.CollectorChange c : gc.collectors()) {
            collectors.row(c.name(), Units.count(c.countAfter()), Units.millis(c.timeMillisAfter()),
                    "+" + Units.count(c.countAfter() - c.countBefore()) + ", "
                            + Units.millis(c.timeMillisAfter() - c.timeMillisBefore()));
        }
        List<String> lines = new ArrayList<>(pools.render(width));
        lines.add("");
        lines.addAll(collectors.render(width));
        lines.add("");
        lines.addAll(Wrap.words(verdict(gc), width));
        return lines;
    }

    private static String verdict(GarbageCollect gc) {
        if (gc.explicitGcDisabled()) {
            return "Nothing was collected: the node runs with -XX:+DisableExplicitGC, so the JVM ignores "
                    + "garbage_collect() (and System.gc()); the figures above are the node's ordinary churn.";
        }
        if (!gc.collected()) {
            return "Nothing was collected: no collector's count moved, so the JVM did not act on the request "
                    + "(some collectors ignore it, or run it concurrently later).";
        }
        return "Freed " + Units.bytes(gc.heapUsedBefore() - gc.heapUsedAfter()) + " of heap in "
                + Units.millis(gc.nodeMillis()) + ".";
    }
}
