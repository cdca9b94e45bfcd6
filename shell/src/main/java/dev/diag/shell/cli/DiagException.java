package dev.diag.shell.cli;

/**
 * A failure the user can act on: one plain sentence (no stack trace) and the exit code a
 * script sees. Everything that goes wrong in the shell ends up as one of these.
 */
public final class DiagException extends Exception {
    private final ExitCode exit;

    public DiagException(ExitCode exit, String sentence) {
        super(sentence, null, false, false);
        this.exit = exit;
    }

    public ExitCode exit() {
        return exit;
    }

    /** Prints the sentence as diag prints every failure, and returns the exit status. */
    public int report(java.io.PrintWriter err) {
        err.println("diag: " + getMessage());
        err.flush();
        return exit.code;
    }
}
