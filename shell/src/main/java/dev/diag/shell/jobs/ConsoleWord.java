package dev.diag.shell.jobs;

import java.util.List;
import java.util.Optional;

/**
 * The words of the console's prompt that are not the node's functions, as one table: help()'s
 * list and tab completion read it, and the console's dispatch switches over it, so a word added
 * here does not compile until it does something. Each is read as Erlang writes it, with or
 * without {@code ()} and the closing {@code .}: {@code q().}, {@code quit}, {@code attach orders}.
 */
public enum ConsoleWord {
    /** Answered by the job's evaluator, which knows what each function costs on its node. */
    HELP("help/0,1", "this list; help(Fn) explains one function", false, "help"),
    ATTACH("attach NODE", "a new job on NODE, made current", true, "attach"),
    QUIT("q/0", "leave the console (the node keeps running)", false, "q", "quit", "exit");

    private final String shown;
    private final String summary;
    private final boolean takesNode;
    private final List<String> spellings;

    ConsoleWord(String shown, String summary, boolean takesNode, String... spellings) {
        this.shown = shown;
        this.summary = summary;
        this.takesNode = takesNode;
        this.spellings = List.of(spellings);
    }

    /** How help() lists it, e.g. {@code q/0}. */
    public String shown() {
        return shown;
    }

    public String summary() {
        return summary;
    }

    /** What the user may type, first the one help() shows; tab completion offers each. */
    public List<String> spellings() {
        return spellings;
    }

    /** A console word as typed, and its argument (null when none: {@code attach} alone is the only local node). */
    public record Use(ConsoleWord word, String argument) {
    }

    /** The console word {@code line} is, if any; {@code help(memory)} is none: the evaluator reads it. */
    public static Optional<Use> read(String line) {
        String bare = line.strip();
        if (bare.endsWith(".")) {
            bare = bare.substring(0, bare.length() - 1).strip();
        }
        for (ConsoleWord word : values()) {
            for (String spelling : word.spellings) {
                if (bare.equals(spelling) || bare.equals(spelling + "()")) {
                    return Optional.of(new Use(word, null));
                }
                if (word.takesNode && bare.startsWith(spelling + " ")) {
                    return Optional.of(new Use(word, bare.substring(spelling.length()).strip()));
                }
            }
        }
        return Optional.empty();
    }
}
