package dev.diag.shell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled figures, one fact per line: the labels in one column, the figures right-aligned in the
 * next ({@link #ofText()}: values left-aligned), and a comment after them saying what the figure
 * means, wrapped under its own column to fit the width. Figures are never cut; where the comment
 * has under 20 columns left it wraps at 20 and the lines are wider than asked.
 *
 * <pre>
 * live threads  23  platform threads, 18 of them daemon
 * peak          24  most live at once since the JVM started
 * </pre>
 */
public final class Facts {
    private static final int GAP = 2;
    private static final int MIN_COMMENT_WIDTH = 20;

    private record Fact(String label, String figure, String comment) {
    }

    private final List<Fact> facts = new ArrayList<>();
    private final boolean figures;

    /** Figures, right-aligned so their digits line up. */
    public Facts() {
        this(true);
    }

    private Facts(boolean figures) {
        this.figures = figures;
    }

    /** Values that are text (versions, dates), left-aligned. */
    public static Facts ofText() {
        return new Facts(false);
    }

    /** Adds a fact; {@code comment} may be empty. */
    public Facts add(String label, String figure, String comment) {
        facts.add(new Fact(label, figure, comment == null ? "" : comment));
        return this;
    }

    public List<String> render(int width) {
        int labels = facts.stream().mapToInt(f -> f.label().length()).max().orElse(0);
        int values = facts.stream().mapToInt(f -> f.figure().length()).max().orElse(0);
        int indent = labels + GAP + values + GAP;
        List<String> lines = new ArrayList<>();
        for (Fact fact : facts) {
            String pad = " ".repeat(values - fact.figure().length());
            String head = fact.label() + " ".repeat(labels - fact.label().length() + GAP)
                    + (figures ? pad + fact.figure() : fact.figure() + pad);
            if (fact.comment().isEmpty()) {
                lines.add(head.stripTrailing());
                continue;
            }
            List<String> wrapped = Wrap.words(fact.comment(), Math.max(MIN_COMMENT_WIDTH, width - indent));
            lines.add(head + " ".repeat(GAP) + wrapped.get(0));
            for (String more : wrapped.subList(1, wrapped.size())) {
                lines.add(" ".repeat(indent) + more);
            }
        }
        return lines;
    }
}
