package dev.diag.shell.render;

import java.util.List;

/**
 * A row of block characters, one per value, the lowest value shown ▁ and the highest █: the shape
 * of a minute of heap samples in a dozen columns. When the values do not fit the width, the most
 * recent ones are kept.
 *
 * <pre>Sparkline.of(List.of(1L, 2L, 3L, 8L), 10)   // "▁▂▃█"</pre>
 */
public final class Sparkline {
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    public static String of(List<Long> values, int width) {
        if (width <= 0 || values.isEmpty()) {
            return "";
        }
        List<Long> shown = values.subList(Math.max(0, values.size() - width), values.size());
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (long v : shown) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        StringBuilder line = new StringBuilder(shown.size());
        for (long v : shown) {
            int bar = high == low ? BARS.length / 2 - 1 : (int) ((v - low) * (BARS.length - 1) / (double) (high - low) + 0.5);
            line.append(BARS[bar]);
        }
        return line.toString();
    }
}
