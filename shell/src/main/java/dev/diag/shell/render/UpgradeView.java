package dev.diag.shell.render;

import dev.diag.protocol.result.UpgradeClass;
import dev.diag.protocol.result.UpgradeProblem;
import dev.diag.protocol.result.UpgradeReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders what a code load, rollback or check came to: one sentence, the classes of the set,
 * then each problem (a check that failed) and note, wrapped to the width.
 *
 * <pre>
 * loaded 2 classes in one step (keeping the running versions took 1.2 ms, redefineClasses 1.4 ms)
 * CLASS               OUTCOME    BYTES  KEPT  FROM
 * shop.Pricing        redefined  1,503     1  file:/srv/shop/classes/shop/Pricing.class
 * shop.Pricing$Rules  redefined    771     1  file:/srv/shop/classes/shop/Pricing$Rules.class
 * </pre>
 */
public final class UpgradeView {
    private UpgradeView() {
    }

    public static List<String> render(UpgradeReport report, int width) {
        List<String> lines = new ArrayList<>();
        int wrap = Math.max(20, width);
        lines.addAll(Wrap.words(headline(report), wrap));
        if (!report.classes().isEmpty()) {
            Table table = Table.of(List.of(Table.Align.LEFT, Table.Align.LEFT, Table.Align.RIGHT, Table.Align.RIGHT,
                    Table.Align.LEFT), "CLASS", "OUTCOME", "BYTES", "KEPT", "FROM");
            for (UpgradeClass row : report.classes()) {
                table.row(row.className(), row.outcome(), Units.count(row.bytes()), Integer.toString(row.versionsKept()),
                        row.source() == null ? "-" : row.source());
            }
            lines.addAll(table.render(width));
        }
        for (UpgradeProblem problem : report.problems()) {
            lines.addAll(indented(problem.message(), wrap));
        }
        for (String note : report.notes()) {
            lines.addAll(indented("note: " + note, wrap));
        }
        return lines;
    }

    private static String headline(UpgradeReport report) {
        int n = report.classes().size();
        long changed = count(report, "redefined") + count(report, "defined");
        long fresh = count(report, "defined");
        long stay = count(report, "left_defined");
        String took = report.redefineMicros() == null ? ""
                : report.keepMicros() == null ? " (redefineClasses took " + micros(report.redefineMicros()) + ")"
                : " (keeping the running versions took " + micros(report.keepMicros()) + ", redefineClasses "
                        + micros(report.redefineMicros()) + ")";
        return switch (report.action()) {
            case "checked" -> report.passed()
                    ? "check passed: " + classes(n) + " would load in one step"
                    : "check failed: " + problems(report.problems().size()) + "; loading this set would change nothing:";
            case "rolled_back" -> "rolled back " + classes((int) count(report, "restored")) + " in one step" + took
                    + (stay == 0 ? "" : "; " + classes((int) stay) + " diag defined " + (stay == 1 ? "stays" : "stay")
                            + " defined, unused: a JVM cannot undo the definition of a class");
            default -> n == 0 ? "nothing to load"
                    : changed == 0 ? "nothing to load: every class file is the version the node runs"
                    : "loaded " + classes((int) changed) + " in one step" + (fresh == 0 ? "" : ", " + fresh + " of them new")
                            + took + (changed < n ? "; " + (n - changed) + " unchanged" : "");
        };
    }

    private static long count(UpgradeReport report, String outcome) {
        return report.classes().stream().filter(c -> c.outcome().equals(outcome)).count();
    }

    /** A problem or note: first line flush, the rest indented two spaces. */
    private static List<String> indented(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String line : Wrap.words(text, width - 2)) {
            lines.add("  " + line);
        }
        return lines;
    }

    private static String classes(int n) {
        return n == 1 ? "1 class" : n + " classes";
    }

    private static String problems(int n) {
        return n == 1 ? "1 problem" : n + " problems";
    }

    /** {@code 0.4 ms}, {@code 12.3 ms}, {@code 1,204 ms}. */
    static String micros(long micros) {
        if (micros >= 100_000) {
            return Units.count(micros / 1000) + " ms";
        }
        long tenths = (micros + 50) / 100;
        return tenths / 10 + "." + tenths % 10 + " ms";
    }
}
