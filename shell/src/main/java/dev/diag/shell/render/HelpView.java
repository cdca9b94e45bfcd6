package dev.diag.shell.render;

import dev.diag.shell.functions.FunctionSpec;
import dev.diag.shell.jobs.ConsoleWord;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Renders {@code help()} (one line per function and per console word) and {@code help(Fn)}. */
public final class HelpView {
    /** Fewer columns than this left beside the names, and each summary goes under its name instead. */
    static final int MIN_SUMMARY_WIDTH = 24;
    private static final String NARROW_INDENT = "    ";

    private HelpView() {
    }

    /** help(): every function, then the console's own words ({@link ConsoleWord}). */
    public static List<String> overview(List<FunctionSpec> specs, int width) {
        return overview(specs, List.of(ConsoleWord.values()), width);
    }

    /**
     * One entry per function, then one per console word, the summaries wrapped to {@code width}
     * under their own column; on a terminal too narrow for that beside the longest name
     * ({@code check_process_code/1}), each summary goes on the lines under its name, indented.
     */
    public static List<String> overview(List<FunctionSpec> specs, List<ConsoleWord> words, int width) {
        int names = Stream.concat(specs.stream().map(FunctionSpec::signature), words.stream().map(ConsoleWord::shown))
                .mapToInt(String::length).max().orElse(0);
        if (width - names - 2 < MIN_SUMMARY_WIDTH) {
            names = -1; // too narrow to share a line: each summary goes under its name (see entry)
        }
        List<String> lines = new ArrayList<>();
        for (FunctionSpec spec : specs) {
            entry(lines, names, width, spec.signature(), spec.summary());
        }
        for (ConsoleWord word : words) {
            entry(lines, names, width, word.shown(), word.summary());
        }
        return lines;
    }

    private static void entry(List<String> lines, int names, int width, String name, String summary) {
        if (names < 0) {
            lines.add(name);
            Wrap.words(summary, Math.max(20, width - NARROW_INDENT.length())).forEach(line -> lines.add(NARROW_INDENT + line));
            return;
        }
        String indent = " ".repeat(names + 2);
        List<String> wrapped = Wrap.words(summary, Math.max(20, width - indent.length()));
        for (int i = 0; i < wrapped.size(); i++) {
            lines.add((i == 0 ? String.format("%-" + names + "s  ", name) : indent) + wrapped.get(i));
        }
    }

    public static List<String> of(FunctionSpec spec, int width) {
        return of(spec, null, width);
    }

    /** help(Fn): arguments, summary, spellings, an example and, where the node said, the cost. */
    public static List<String> of(FunctionSpec spec, String cost, int width) {
        List<String> lines = new ArrayList<>();
        lines.add(spec.name() + "(" + spec.arguments() + ")");
        Wrap.words(spec.summary(), Math.max(20, width - 2)).forEach(line -> lines.add("  " + line));
        if (!spec.modules().isEmpty()) { // heap_dump, top() have no module to be written with
            lines.add("  also written: " + String.join(", ",
                    spec.modules().stream().sorted().map(m -> m + ":" + spec.name()).toList()));
        }
        lines.add("  example: " + spec.example());
        if (cost != null) {
            Wrap.words("cost: " + cost, Math.max(20, width - 2)).forEach(line -> lines.add("  " + line));
        }
        return lines;
    }
}
