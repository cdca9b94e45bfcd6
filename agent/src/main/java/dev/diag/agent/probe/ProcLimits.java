package dev.diag.agent.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a row of {@code /proc/PID/limits}, whose columns are "Limit", "Soft Limit", "Hard Limit"
 * and "Units": the fields after a row's name, as the file writes them ("1024", "unlimited").
 * Split by hand, not by a regular expression: the agent reads the open-files row at start, where
 * an idle agent loads no regex classes.
 */
public final class ProcLimits {
    private ProcLimits() {
    }

    /** The fields after the row that starts with {@code name} (soft limit first), or null when {@code limits} has none. */
    public static List<String> fields(String limits, String name) {
        for (String line : limits.split("\n")) {
            if (line.startsWith(name)) {
                return words(line.substring(name.length()));
            }
        }
        return null;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at > start) {
                words.add(text.substring(start, at));
            }
        }
        return words;
    }
}
