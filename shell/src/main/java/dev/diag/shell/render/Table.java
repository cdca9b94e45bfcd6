package dev.diag.shell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns line up and whose width fits the terminal: when the rows are
 * too wide, the first column (the names) is shortened with '…', down to 8 characters. Figures
 * are never cut: a terminal narrower than the figures need gets lines wider than itself.
 *
 * <pre>
 * AREA          USED   COMMITTED
 * heap      12.0 MiB    64.0 MiB
 * </pre>
 */
public final class Table {
    private static final int GAP = 2;
    private static final int MIN_NAME_WIDTH = 8;

    public enum Align { LEFT, RIGHT }

    private final List<String> headers;
    private final List<Align> aligns;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers, List<Align> aligns) {
        this.headers = headers;
        this.aligns = aligns;
    }

    /** A table whose first column is left-aligned text and the rest right-aligned figures. */
    public static Table ofFigures(String... headers) {
        List<Align> aligns = new ArrayList<>();
        for (int i = 0; i < headers.length; i++) {
            aligns.add(i == 0 ? Align.LEFT : Align.RIGHT);
        }
        return new Table(List.of(headers), aligns);
    }

    /** A table with the given alignment per column, e.g. text columns left, figures right. */
    public static Table of(List<Align> aligns, String... headers) {
        if (aligns.size() != headers.length) {
            throw new IllegalArgumentException(aligns.size() + " alignments for " + headers.length + " columns");
        }
        return new Table(List.of(headers), List.copyOf(aligns));
    }

    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    public List<String> render(int width) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        int total = GAP * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        if (total > width) {
            widths[0] = Math.max(MIN_NAME_WIDTH, widths[0] - (total - width));
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(headers, widths));
        for (List<String> row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(" ".repeat(GAP));
            }
            String cell = fit(cells.get(c), widths[c]);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(aligns.get(c) == Align.LEFT ? cell + pad : pad + cell);
        }
        return line.toString().stripTrailing();
    }

    private static String fit(String cell, int width) {
        return IView.cut(cell, width);
    }
}
