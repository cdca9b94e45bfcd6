package dev.diag.shell.render;

import dev.diag.protocol.result.LevelChanges;
import dev.diag.protocol.result.LoggerLevels;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code logger()}: each logger with a level of its own, per framework, and which ones diag
 * changed from what; {@code logger:set_level} and {@code logger:reset()}: each change, from the
 * level it had ({@code inherited (INFO)} when it had none of its own) to the level it has now.
 *
 * <pre>
 * FRAMEWORK  LOGGER              LEVEL  DIAG CHANGED FROM
 * logback    ROOT                INFO
 * logback    com.example.orders  DEBUG  inherited
 * </pre>
 */
public final class LoggerView {
    private LoggerView() {
    }

    public static List<String> levels(LoggerLevels levels, int width) {
        Table table = Table.of(List.of(Table.Align.LEFT, Table.Align.LEFT, Table.Align.LEFT, Table.Align.LEFT),
                "FRAMEWORK", "LOGGER", "LEVEL", "DIAG CHANGED FROM");
        int changed = 0;
        for (LoggerLevels.Row row : levels.loggers()) {
            String from = row.diagChangedFrom() == null ? "" : row.diagChangedFrom().isEmpty() ? "inherited"
                    : row.diagChangedFrom();
            changed += row.diagChangedFrom() == null ? 0 : 1;
            table.row(row.framework(), row.name().isEmpty() ? "(root)" : row.name(), row.level(), from);
        }
        List<String> lines = new ArrayList<>(table.render(width));
        if (levels.leftOut() > 0) {
            lines.add("… " + String.format("%,d", levels.leftOut()) + " more loggers with levels left out");
        }
        lines.addAll(Wrap.words("Frameworks: " + String.join(", ", levels.frameworks()) + ". "
                + (changed == 0 ? "diag changed no level." : "diag changed " + changed + (changed == 1 ? " level" : " levels")
                + "; logger:reset() puts them back, as stop() does."), width));
        for (String note : levels.notes()) {
            lines.addAll(Wrap.words("Note: " + note + ".", width));
        }
        return lines;
    }

    public static List<String> changes(LevelChanges changes, int width) {
        if (changes.changes().isEmpty()) {
            return List.of("diag had changed no level: nothing to put back.");
        }
        Table table = Table.of(List.of(Table.Align.LEFT, Table.Align.LEFT, Table.Align.LEFT, Table.Align.LEFT),
                "FRAMEWORK", "LOGGER", "WAS", "NOW");
        for (LevelChanges.Change c : changes.changes()) {
            table.row(c.framework(), c.logger().isEmpty() ? "(root)" : c.logger(), was(c),
                    c.level() == null ? "inherited" : c.level());
        }
        return table.render(width);
    }

    private static String was(LevelChanges.Change c) {
        if (c.previous() != null) {
            return c.previous();
        }
        return c.previousEffective() == null ? "inherited" : "inherited (" + c.previousEffective() + ")";
    }
}
