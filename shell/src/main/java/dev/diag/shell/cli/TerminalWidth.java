package dev.diag.shell.cli;

/**
 * The width one-shot output should fit. bin/diag passes the terminal's columns in
 * {@code diag.columns} and {@code diag.stdout=terminal} when stdout is a terminal, and
 * {@code diag.stdout=redirected} when it is not: piped output is not cut at all, whatever
 * {@code COLUMNS} says. Run without the launcher, COLUMNS counts only where the JVM has a console.
 * (Asking JLine would load a terminal library on the path that must start fastest.)
 */
public final class TerminalWidth {
    private static final int UNLIMITED = Integer.MAX_VALUE / 2;

    private TerminalWidth() {
    }

    public static int ofStdout() {
        String stdout = System.getProperty("diag.stdout");
        if ("redirected".equals(stdout) || stdout == null && System.console() == null) {
            return UNLIMITED;
        }
        String columns = System.getProperty("diag.columns", System.getenv("COLUMNS"));
        try {
            int width = Integer.parseInt(columns == null ? "" : columns.strip());
            return width >= 20 ? width : UNLIMITED;
        } catch (NumberFormatException e) {
            return UNLIMITED;
        }
    }
}
