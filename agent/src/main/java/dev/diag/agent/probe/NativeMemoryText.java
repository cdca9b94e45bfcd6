package dev.diag.agent.probe;

import dev.diag.protocol.result.NativeMemory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of VM.native_memory summary. Only the lines that carry a category's or the
 * total's own reserved/committed pair are read; the detail lines under each (malloc, mmap, arena,
 * peaks) changed between JDK 17 and 25 and are skipped:
 * <pre>
 * Total: reserved=7846001KB, committed=490689KB
 * -                 Java Heap (reserved=6172672KB, committed=397312KB)
 * -        Shared class space (reserved=16384KB, committed=13908KB, readonly=0KB)
 * </pre>
 * The JVM's answer when tracking is off ("Native memory tracking is not enabled") is an empty result.
 */
public final class NativeMemoryText {
    private static final String AMOUNTS = "reserved=(\\d+)(B|KB|MB|GB)?, committed=(\\d+)(B|KB|MB|GB)?";
    private static final Pattern TOTAL = Pattern.compile("Total: " + AMOUNTS + ".*");
    private static final Pattern CATEGORY = Pattern.compile("-\\s+(.+?) \\(" + AMOUNTS + ".*\\)\\s*");

    private NativeMemoryText() {
    }

    /** The summary, or empty when the JVM says tracking is not enabled; an unreadable text is an IllegalArgumentException. */
    public static Optional<NativeMemory> parse(String text) {
        if (text.contains("not enabled")) {
            return Optional.empty();
        }
        Long reserved = null;
        long committed = 0;
        List<NativeMemory.Category> categories = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher total = TOTAL.matcher(line.strip());
            Matcher category = CATEGORY.matcher(line.strip());
            if (total.matches()) {
                reserved = bytes(total.group(1), total.group(2));
                committed = bytes(total.group(3), total.group(4));
            } else if (category.matches()) {
                categories.add(new NativeMemory.Category(category.group(1).strip(), bytes(category.group(2),
                        category.group(3)), bytes(category.group(4), category.group(5))));
            }
        }
        if (reserved == null || categories.isEmpty()) {
            throw new IllegalArgumentException("the Native Memory Tracking summary has no "
                    + (reserved == null ? "Total line" : "categories") + "; it began: "
                    + text.strip().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse("(empty)"));
        }
        categories.sort(Comparator.comparingLong(NativeMemory.Category::committedBytes).reversed());
        return Optional.of(new NativeMemory(reserved, committed, categories));
    }

    private static long bytes(String figure, String unit) {
        long n = Long.parseLong(figure);
        return switch (unit == null ? "B" : unit) {
            case "KB" -> n * 1024;
            case "MB" -> n * 1024 * 1024;
            case "GB" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }
}
