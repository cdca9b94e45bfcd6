package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static Table areas() {
        return Table.ofFigures("AREA", "USED", "COMMITTED")
                .row("heap", "12.0 MiB", "64.0 MiB")
                .row("metaspace", "512 B", "1.00 GiB");
    }

    @Test
    void putsTheHeaderFirstAndLinesUpTextLeftAndFiguresRight() {
        assertEquals(List.of(
                "AREA           USED  COMMITTED",
                "heap       12.0 MiB   64.0 MiB",
                "metaspace     512 B   1.00 GiB"), areas().render(80));
    }

    @Test
    void separatesColumnsByTwoSpaces() {
        assertEquals(List.of("A  B", "x  y"), Table.ofFigures("A", "B").row("x", "y").render(80));
    }

    @Test
    void rendersOnlyTheHeaderOfAnEmptyTable() {
        assertEquals(List.of("POOL  USED"), Table.ofFigures("POOL", "USED").render(80));
    }

    @Test
    void stripsTrailingSpacesFromEveryLine() {
        List<String> lines = Table.ofFigures("NAME", "USED", "MAX")
                .row("a much longer name", "1 B", "")
                .row("b", "", "")
                .render(80);
        assertEquals(List.of(
                "NAME                USED  MAX",
                "a much longer name   1 B",
                "b"), lines);
    }

    @Test
    void fitsTheWidthByShorteningTheNameColumnWithAnEllipsis() {
        List<String> lines = Table.ofFigures("POOL", "USED")
                .row("Compressed Class Space", "12.0 MiB")
                .row("heap", "1 B")
                .render(24);
        assertEquals(List.of(
                "POOL                USED",
                "Compressed Cl…  12.0 MiB",
                "heap                 1 B"), lines);
        lines.forEach(line -> assertTrue(line.length() <= 24, line));
    }

    @Test
    void leavesFittingTablesAlone() {
        List<String> wide = areas().render(80);
        assertEquals(wide, areas().render(wide.get(0).length()));
        assertFalse(String.join("", wide).contains("…"));
    }

    @Test
    void neverShortensTheNameColumnBelowEightCharacters() {
        List<String> lines = Table.ofFigures("POOL", "USED", "COMMITTED", "MAX")
                .row("Compressed Class Space", "12.0 MiB", "13.0 MiB", "1.00 GiB")
                .render(20);
        assertEquals("Compres…", lines.get(1).substring(0, 8));
        assertEquals(' ', lines.get(1).charAt(8));
    }

    @Test
    void neverCutsAFigureSoATooNarrowWidthIsExceeded() {
        // what Table promises below its minimum: names floor at 8 characters, figures stay whole
        List<String> lines = Table.ofFigures("POOL", "USED", "COMMITTED", "MAX")
                .row("Compressed Class Space", "12.0 MiB", "13.0 MiB", "1.00 GiB")
                .render(20);
        assertEquals("Compres…  12.0 MiB   13.0 MiB  1.00 GiB", lines.get(1));
        assertEquals(8 + 2 + 8 + 2 + 9 + 2 + 8, lines.get(1).length());
    }

    @Test
    void shortensTheHeaderOfTheNameColumnToo() {
        List<String> lines = Table.ofFigures("COLLECTOR NAME", "TIME").row("G1 Young Generation", "1.5 s").render(15);
        assertEquals("COLLECT…   TIME", lines.get(0));
        assertEquals("G1 Youn…  1.5 s", lines.get(1));
    }

    @Test
    void refusesARowWithTooFewOrTooManyCells() {
        Table table = Table.ofFigures("AREA", "USED");
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> table.row("heap"));
        assertEquals("row has 1 cells, table has 2", few.getMessage());
        assertThrows(IllegalArgumentException.class, () -> table.row("heap", "1 B", "2 B"));
        assertEquals(List.of("AREA  USED"), table.render(80));
    }

    @Test
    void rendersTheSameLinesEachTime() {
        Table table = areas();
        assertEquals(table.render(20), table.render(20));
        assertEquals(table.render(80), table.render(80));
    }
}
