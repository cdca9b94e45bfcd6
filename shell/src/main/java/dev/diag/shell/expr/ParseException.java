package dev.diag.shell.expr;

import dev.diag.protocol.message.Echo;

/**
 * A line that is not a call; {@link #column()} (0-based) is where it went wrong. Both ways of
 * showing it quote at most {@link Echo#MAX_CHARS} characters of the line, around the column: a
 * pasted megabyte gets a one-line answer, not itself echoed back.
 */
public final class ParseException extends Exception {
    private final String input;
    private final int column;

    public ParseException(String input, int column, String message) {
        super(message, null, false, false);
        this.input = input;
        this.column = column;
    }

    public int column() {
        return column;
    }

    /** The input with a caret under the column, then the message, as a compiler shows it. */
    public String pointer() {
        Window window = window();
        return window.text + System.lineSeparator() + " ".repeat(Math.max(0, window.caret)) + "^ " + getMessage();
    }

    /** One line for scripts: {@code syntax error at column 8 of 'memory(': expected ')'}. */
    public String sentence() {
        return "syntax error at column " + (column + 1) + " of '" + window().text + "': " + getMessage();
    }

    /** The part of the input shown, and where the column falls in it. */
    private record Window(String text, int caret) {
    }

    private Window window() {
        String line = Echo.of(input, Integer.MAX_VALUE); // control characters as '?': one line, whatever was typed
        int max = Echo.MAX_CHARS;
        if (line.length() <= max) {
            return new Window(line, column);
        }
        // the column a third of the way in: what led up to it, and a little of what follows
        int from = Math.max(0, Math.min(column - max / 3, line.length() - max));
        int to = Math.min(line.length(), from + max);
        String head = from > 0 ? "…" : "";
        String tail = to < line.length() ? "…" : "";
        int start = from + head.length();
        int end = to - tail.length();
        return new Window(head + line.substring(start, end) + tail, column - from);
    }
}
