package dev.diag.shell.render;

import dev.diag.protocol.result.HeapHistogram;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code heap_histogram(N)}: the top classes by bytes of live instances, then the totals over every
 * class and how many classes were left out.
 *
 * <pre>
 * CLASS                 INSTANCES     BYTES
 * byte[]                   17,216  1.13 MiB
 * </pre>
 */
public final class HeapHistogramView {
    private HeapHistogramView() {
    }

    public static List<String> render(HeapHistogram histogram, int width) {
        List<String> lines = new ArrayList<>();
        if (!histogram.classes().isEmpty()) {
            Table table = Table.ofFigures("CLASS", "INSTANCES", "BYTES");
            for (HeapHistogram.ClassRow row : histogram.classes()) {
                table.row(ClassNames.readable(row.name()), Units.count(row.instances()), Units.bytes(row.bytes()));
            }
            lines.addAll(table.render(width));
            lines.add("");
        }
        lines.addAll(Wrap.words("Total: " + Units.count(histogram.totalInstances()) + " live instances, "
                + Units.bytes(histogram.totalBytes()) + ", of " + Units.count(histogram.totalClasses()) + " classes ("
                + Units.millis(histogram.nodeMillis()) + " on the node, full GC included)", width));
        if (histogram.leftOut() > 0 && !histogram.classes().isEmpty()) { // heap_histogram(0) asked for totals alone
            lines.addAll(Wrap.words("… " + Units.count(histogram.leftOut()) + " more classes — heap_histogram(N) shows N, "
                    + "--json has the same rows", width));
        }
        return lines;
    }
}
