package dev.diag.shell.expr;

/** A line that is not a call; {@link #column()} (0-based) is where it went wrong. */
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
        return input + System.lineSeparator() + " ".repeat(Math.max(0, column)) + "^ " + getMessage();
    }

    /** One line for scripts: {@code syntax error at column 8 of 'memory(': expected ')'}. */
    public String sentence() {
        return "syntax error at column " + (column + 1) + " of '" + input + "': " + getMessage();
    }
}
