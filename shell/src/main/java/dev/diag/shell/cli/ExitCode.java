package dev.diag.shell.cli;

/** The exit status of {@code diag}, listed in {@code --help} and README. */
public enum ExitCode {
    OK(0, "every call succeeded"),
    CALL_FAILED(1, "a call returned an error (the output still holds every call that succeeded)"),
    USAGE(2, "bad usage: unknown option, malformed expression or node name"),
    UNREACHABLE(3, "the node is unknown, cannot be reached, or the connection was lost"),
    AUTH_REFUSED(4, "authentication refused: the cookies differ, or the peer is not a diag node that holds ours");

    public final int code;
    public final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The table printed at the end of {@code diag --help}. */
    public static String helpTable() {
        StringBuilder table = new StringBuilder();
        for (ExitCode exit : values()) {
            table.append(String.format("  %d  %s%n", exit.code, exit.meaning));
        }
        return table.toString();
    }
}
