package dev.diag.agent.probe;

import dev.diag.protocol.result.HeapHistogram;
import dev.diag.protocol.result.HeapHistogram.ClassRow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of GC.class_histogram, keeping the first {@code limit} rows (the JVM prints them
 * largest first). A line of the table looks like
 * <pre>
 *    1:         17216        1183352  [B (java.base@17.0.15)
 *   42:            10            480  com.example.Order
 * Total         85503        4077312
 * </pre>
 * where the module is absent for the unnamed module. Anything else is a {@link IllegalArgumentException}
 * naming the line, so a JVM that changed the format gets a clear error, not a wrong table.
 */
public final class ClassHistogramText {
    private static final Pattern ROW = Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\((.*)\\))?\\s*");
    private static final Pattern TOTAL = Pattern.compile("Total\\s+(\\d+)\\s+(\\d+)\\s*");

    private ClassHistogramText() {
    }

    public static HeapHistogram parse(String text, int limit, long nodeMillis) {
        List<ClassRow> kept = new ArrayList<>(Math.min(limit, 1024));
        int classes = 0;
        Long totalInstances = null;
        long totalBytes = 0;
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank() || line.stripLeading().startsWith("num ") || line.startsWith("---")) {
                continue;
            }
            Matcher row = ROW.matcher(line);
            Matcher total = TOTAL.matcher(line);
            if (row.matches()) {
                classes++;
                if (kept.size() < limit) {
                    kept.add(new ClassRow(row.group(3), row.group(4), Long.parseLong(row.group(1)),
                            Long.parseLong(row.group(2))));
                }
            } else if (total.matches()) {
                totalInstances = Long.parseLong(total.group(1));
                totalBytes = Long.parseLong(total.group(2));
            } else {
                throw new IllegalArgumentException("line " + number + " is not a class histogram row: " + cut(line));
            }
        }
        if (totalInstances == null) {
            throw new IllegalArgumentException("the class histogram has no Total line (" + number + " lines; first: "
                    + cut(text.lines().findFirst().orElse("")) + ")");
        }
        return new HeapHistogram(kept, classes - kept.size(), totalInstances, totalBytes, classes, nodeMillis);
    }

    private static String cut(String line) {
        return line.length() <= 120 ? "'" + line + "'" : "'" + line.substring(0, 120) + "…'";
    }
}
