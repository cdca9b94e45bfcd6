package dev.diag.shell.render;

import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.MemoryReport.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders {@code memory()}: the areas first (what an operator asks: where did it go), then
 * each pool, then the collectors. No I/O, so it is tested without a terminal.
 */
public final class MemoryView {
    private MemoryView() {
    }

    public static List<String> render(MemoryReport report, int width) {
        Table areas = Table.ofFigures("AREA", "USED", "COMMITTED", "MAX");
        if (report.residentBytes() != null) {
            areas.row("total (resident set)", Units.bytes(report.residentBytes()), "", "");
        }
        usageRow(areas, "heap", report.heap());
        usageRow(areas, "non-heap", report.nonHeap());
        usageRow(areas, "  metaspace", report.metaspace());
        usageRow(areas, "  code cache", report.codeCache());
        for (MemoryReport.BufferPool buffer : report.buffers()) {
            if (!isStandard(buffer) && buffer.count() == 0) {
                continue; // e.g. JDK 17's "mapped - 'non-volatile memory'": noise unless used
            }
            areas.row(buffer.name() + " buffers (" + Units.count(buffer.count()) + ")", Units.bytes(buffer.used()),
                    Units.bytes(buffer.capacity()), "");
        }
        MemoryReport.Threads threads = report.threads();
        areas.row("thread stacks (" + Units.count(threads.count()) + " × " + Units.bytes(threads.stackSizeBytes())
                + ", at most)", Units.bytes(threads.stackEstimateBytes()), "", "");

        Table pools = Table.ofFigures("POOL", "TYPE", "USED", "COMMITTED", "MAX");
        List<MemoryReport.Pool> heapFirst = report.pools().stream()
                .sorted(Comparator.comparing((MemoryReport.Pool p) -> !p.type().equals("heap")))
                .toList();
        for (MemoryReport.Pool pool : heapFirst) {
            pools.row(pool.name(), pool.type().replace('_', '-'), Units.bytes(pool.usage().used()),
                    Units.bytes(pool.usage().committed()), Units.bytesOrDash(pool.usage().max()));
        }

        Table collectors = Table.ofFigures("COLLECTOR", "COLLECTIONS", "TIME");
        for (MemoryReport.Collector gc : report.collectors()) {
            collectors.row(gc.name(), Units.count(gc.count()), Units.millis(gc.timeMillis()));
        }

        List<String> lines = new ArrayList<>(areas.render(width));
        lines.add("");
        lines.addAll(pools.render(width));
        lines.add("");
        lines.addAll(collectors.render(width));
        return lines;
    }

    private static boolean isStandard(MemoryReport.BufferPool buffer) {
        return buffer.name().equals("direct") || buffer.name().equals("mapped");
    }

    private static void usageRow(Table table, String name, Usage usage) {
        if (usage != null) {
            table.row(name, Units.bytes(usage.used()), Units.bytes(usage.committed()), Units.bytesOrDash(usage.max()));
        }
    }
}
