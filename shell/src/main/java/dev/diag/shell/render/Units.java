package dev.diag.shell.render;

import java.util.Locale;

/** Human units for byte counts and durations: 1024-based, three significant figures. */
public final class Units {
    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Units() {
    }

    /** {@code 0 B}, {@code 812 B}, {@code 1.50 KiB}, {@code 42.0 MiB}, {@code 512 MiB}. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "-" + bytes(-bytes);
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
        String format = value >= 100 ? "%.0f %s" : value >= 10 ? "%.1f %s" : "%.2f %s";
        return String.format(Locale.ROOT, format, value, BYTE_UNITS[unit]);
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
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }

    /** Thousands separated with commas, as recon prints counts: {@code 4,812}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
