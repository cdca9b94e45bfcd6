package dev.diag.shell.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Human units for byte counts and durations: 1024-based, three significant figures. */
public final class Units {
    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Units() {
    }

    /** {@code 0 B}, {@code 812 B}, {@code 1.50 KiB}, {@code 42.0 MiB}, {@code 512 MiB}. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "-" + bytes(bytes == Long.MIN_VALUE ? Long.MAX_VALUE : -bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // Decide decimals on the rounded figure: 9.999 shows "10.0", and 1023.9 KiB "1.00 MiB".
        if (rounded(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        double shown = rounded(value);
        return fixed(shown, decimals(shown)) + " " + BYTE_UNITS[unit];
    }

    /** Three significant figures for values under 1,000; whole numbers above. */
    private static double rounded(double value) {
        double scale = Math.pow(10, decimals(value));
        double once = Math.round(value * scale) / scale;
        double again = Math.pow(10, decimals(once));
        return Math.round(value * again) / again;
    }

    /**
     * {@code value} with exactly {@code decimals} digits after the point. Not String.format: its
     * Formatter and locale data cost a one-shot call several milliseconds to load.
     */
    private static String fixed(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static int decimals(double value) {
        return value >= 100 ? 0 : value >= 10 ? 1 : 2;
    }

    /** Bytes, or "-" for an absent limit. */
    public static String bytesOrDash(Long bytes) {
        return bytes == null ? "-" : bytes(bytes);
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4 min 10 s}. */
    public static String millis(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 59_950) { // 59,950 ms would round to "60.0 s"
            return fixed(millis / 1000.0, 1) + " s";
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }

    /** An uptime: {@code 42 s}, {@code 5 min}, {@code 3 h 12 min}, {@code 4 d 2 h}. */
    public static String duration(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }

    /** A share as a percentage, three significant figures: {@code 0.00%}, {@code 2.13%}, {@code 45.0%}, {@code 135%}. */
    public static String percent(double share) {
        double shown = rounded(Math.max(0, share) * 100);
        return fixed(shown, decimals(shown)) + "%";
    }

    /** Thousands separated with commas, as recon prints counts: {@code 4,812}. */
    public static String count(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        StringBuilder grouped = new StringBuilder(digits.substring(0, start));
        for (int i = start; i < digits.length(); i++) {
            if (i > start && (digits.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }
}
