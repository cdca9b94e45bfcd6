package dev.diag.shell.cli;

import dev.diag.protocol.message.CallError;

/**
 * The exit status of {@code diag}, listed in {@code --help} and README. When a run has several
 * failures (several calls, several nodes), it exits with the most serious one, in the order
 * usage, authentication, unreachable, busy, call failed ({@link #worst}): whichever a person must
 * fix first, and never a code a retry loop would retry (3, 5) while another node needs a new
 * cookie (4). Busy wins over a failed call: a retry loop must hear that one answer is missing.
 */
public enum ExitCode {
    OK(0, 0, "every call succeeded"),
    CALL_FAILED(1, 1, "a call returned an error (the output still holds every call that succeeded)"),
    USAGE(2, 5, "bad usage: unknown option, malformed expression or node name"),
    UNREACHABLE(3, 3, "the node is unknown, cannot be reached, or the connection was lost"),
    AUTH_REFUSED(4, 4, "authentication refused: the cookies differ, or the peer is not a diag node that holds ours"),
    BUSY(5, 2, "the node is busy: every call thread is taken (the sentence says by whom); try again shortly");

    /** The help table's last line: which code wins when failures mix. */
    static final String MIXED = "mixed failures (calls, nodes): the most serious wins, 2 > 4 > 3 > 5 > 1";

    public final int code;
    public final String meaning;
    private final int severity;

    ExitCode(int code, int severity, String meaning) {
        this.code = code;
        this.severity = severity;
        this.meaning = meaning;
    }

    /** How a script hears a call the node answered with {@code error}: busy, or failed. */
    public static ExitCode ofCallError(CallError error) {
        return error != null && CallError.BUSY.equals(error.code()) ? BUSY : CALL_FAILED;
    }

    /** The more serious of two outcomes: usage, authentication, unreachable, busy, call failed. */
    public static ExitCode worst(ExitCode a, ExitCode b) {
        return b.severity > a.severity ? b : a;
    }

    /** The table printed at the end of {@code diag --help}. */
    public static String helpTable() {
        StringBuilder table = new StringBuilder();
        for (ExitCode exit : values()) {
            table.append(String.format("  %d  %s%n", exit.code, exit.meaning));
        }
        return table.append(String.format("  %s%n", MIXED)).toString();
    }
}
