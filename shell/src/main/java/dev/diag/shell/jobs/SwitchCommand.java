package dev.diag.shell.jobs;

import java.util.List;

/**
 * A command of the ^G "User switch command" menu, parsed as Erlang parses them: a letter and
 * an optional argument ({@code c 2}, {@code r orders@db1}).
 */
public record SwitchCommand(Kind kind, String argument) {

    public enum Kind { CONNECT, INTERRUPT, KILL, JOBS, LOCAL, REMOTE, QUIT, HELP, NOTHING, UNKNOWN }

    /** Erlang's own help text and layout; "quit" where Erlang says "quit erlang". */
    public static final List<String> HELP = List.of(
            "  c [nn]            - connect to job",
            "  i [nn]            - interrupt job",
            "  k [nn]            - kill job",
            "  j                 - list all jobs",
            "  s [shell]         - start local shell",
            "  r [node [shell]]  - start remote shell",
            "  q                 - quit",
            "  ? | h             - this message");

    public static SwitchCommand parse(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return new SwitchCommand(Kind.NOTHING, null);
        }
        String[] parts = text.split("\\s+", 2);
        String argument = parts.length > 1 ? parts[1].strip() : null;
        Kind kind = switch (parts[0]) {
            case "c" -> Kind.CONNECT;
            case "i" -> Kind.INTERRUPT;
            case "k" -> Kind.KILL;
            case "j" -> Kind.JOBS;
            case "s" -> Kind.LOCAL;
            case "r" -> Kind.REMOTE;
            case "q" -> Kind.QUIT;
            case "?", "h" -> Kind.HELP;
            default -> Kind.UNKNOWN;
        };
        return new SwitchCommand(kind, argument);
    }

    /** The job number argument; null when absent (meaning the current job); -1 when not a number. */
    public Integer jobNumber() {
        if (argument == null) {
            return null;
        }
        try {
            return Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
