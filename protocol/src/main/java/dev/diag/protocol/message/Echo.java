package dev.diag.protocol.message;

/**
 * How an error sentence quotes what a caller typed or sent: at most {@link #MAX_CHARS}
 * characters, cut with "…", control characters shown as '?'. An argument may be megabytes (a
 * class file, a pasted dump) or hold a NUL; the sentence about it must stay one readable line,
 * on the node and in the shell alike.
 */
public final class Echo {
    public static final int MAX_CHARS = 60;

    private Echo() {
    }

    /** {@code text} whole when short, else its first characters and "…", {@link #MAX_CHARS} in all. */
    public static String of(String text) {
        return of(text, MAX_CHARS);
    }

    public static String of(String text, int max) {
        String shown = text;
        if (text.length() > max) {
            int end = max - 1;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never half a character
            }
            shown = text.substring(0, end) + "…";
        }
        return shown.chars().anyMatch(Echo::control) ? shown.codePoints()
                .map(c -> control(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString() : shown;
    }

    private static boolean control(int c) {
        return c < 0x20 || c == 0x7f;
    }
}
