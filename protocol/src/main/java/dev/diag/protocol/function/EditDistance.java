package dev.diag.protocol.function;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Levenshtein distance, for "did you mean" on a mistyped name: the shell's for function names, the
 * agent's for the JVM's diagnostic commands ({@code jcmd("VM.flag")}).
 */
public final class EditDistance {
    private EditDistance() {
    }

    public static int between(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The names among {@code names} nearest to {@code typed}, nearest first, at most {@code limit}: those
     * within a third of its length in edits (at least one), as a typo is; empty when none is near.
     */
    public static List<String> nearest(Collection<String> names, String typed, int limit) {
        return names.stream()
                .filter(name -> between(name, typed) <= Math.max(1, typed.length() / 3))
                .sorted(Comparator.comparingInt(name -> between(name, typed)))
                .limit(limit)
                .toList();
    }
}
