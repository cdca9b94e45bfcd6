package dev.diag.shell.render;

import dev.diag.shell.functions.FunctionSpec;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code help()} (one line per function) and {@code help(Fn)}. */
public final class HelpView {
    private HelpView() {
    }

    public static List<String> overview(List<FunctionSpec> specs) {
        int width = specs.stream().mapToInt(s -> s.signature().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (FunctionSpec spec : specs) {
            lines.add(String.format("%-" + width + "s  %s", spec.signature(), spec.summary()));
        }
        lines.add(String.format("%-" + width + "s  %s", "help/0,1", "this list; help(Fn) explains one function"));
        lines.add(String.format("%-" + width + "s  %s", "q/0", "leave the console (the node keeps running)"));
        return lines;
    }

    public static List<String> of(FunctionSpec spec) {
        return List.of(
                spec.name() + "(" + spec.arguments() + ")",
                "  " + spec.summary(),
                "  also written: " + String.join(", ", spec.modules().stream().sorted().map(m -> m + ":" + spec.name()).toList()),
                "  example: " + spec.example());
    }
}
