package dev.diag.shell.render;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for prose in the terminal (help texts); tables fit by {@link Table} instead. */
public final class Wrap {
    private Wrap() {
    }

    /** Splits {@code text} into lines of at most {@code width} characters, breaking at spaces. */
    public static List<String> words(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
