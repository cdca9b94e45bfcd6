package dev.diag.shell.jobs;

import java.util.List;
import java.util.stream.Stream;

/**
 * A command of the ^G "User switch command" menu, parsed as Erlang parses them: a letter and
 * an optional argument ({@code c 2}, {@code r orders@db1}). {@link Kind} is the menu as one
 * table, each command with its letters and help line; the console acts on each kind in a
 * switch expression, so a command added here does not compile until it does something.
 */
public record SwitchCommand(Kind kind, String argument) {

    /** The menu in Erlang's order; a line that is no command reads as {@link #NOTHING} or {@link #UNKNOWN}. */
    public enum Kind {
        CONNECT("[nn]", "connect to job", "c"),
        INTERRUPT("[nn]", "interrupt job", "i"),
        KILL("[nn]", "kill job", "k"),
        JOBS("", "list all jobs", "j"),
        LOCAL("[shell]", "start local shell", "s"),
        REMOTE("[node [shell]]", "start remote shell", "r"),
        QUIT("", "quit", "q"), // Erlang says "quit erlang"; leaving here stops no node
        HELP("", "this message", "?", "h"),
        /** An empty line: the menu asks again. */
        NOTHING("", ""),
        /** Any other word. */
        UNKNOWN("", "");

        private final String argument;
        private final String help;
        private final List<String> letters;

        Kind(String argument, String help, String... letters) {
            this.argument = argument;
            this.help = help;
            this.letters = List.of(letters);
        }

        /** Erlang's layout: the letters and argument in 18 columns after two spaces, then "- " and the help. */
        String helpLine() {
            String usage = String.join(" | ", letters) + (argument.isEmpty() ? "" : " " + argument);
            return String.format("  %-18s- %s", usage, help);
        }
    }

    /** Erlang's own help text and layout, one line per command of {@link Kind}. */
    public static final List<String> HELP = Stream.of(Kind.values())
            .filter(kind -> !kind.letters.isEmpty())
            .map(Kind::helpLine)
            .toList();

    public static SwitchCommand parse(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return new SwitchCommand(Kind.NOTHING, null);
        }
        String[] parts = text.split("\\s+", 2);
        String argument = parts.length > 1 ? parts[1].strip() : null;
        Kind kind = Stream.of(Kind.values())
                .filter(k -> k.letters.contains(parts[0]))
                .findFirst()
                .orElse(Kind.UNKNOWN);
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
