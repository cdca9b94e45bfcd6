package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.shell.functions.FunctionSpec;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.jobs.ConsoleWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpViewTest {
    private static final List<FunctionSpec> STANDARD = FunctionTable.standard().all();

    @Test
    void overviewListsEveryFunctionThenHelpAttachAndQ() {
        List<String> entries = HelpView.overview(STANDARD, 200).stream().filter(line -> !line.startsWith(" ")).toList();
        List<String> expected = new ArrayList<>(STANDARD.stream().map(FunctionSpec::signature).toList());
        expected.addAll(List.of("help/0,1", "attach", "q/0"));
        assertEquals(expected, entries.stream().map(line -> line.split(" ")[0]).toList());
        assertEquals("why/0", expected.get(0)); // the first thing to type on a sick node leads the list
        int help = entries.size() - 3;
        assertTrue(entries.get(help).endsWith("this list; help(Fn) explains one function"), entries.get(help));
        assertTrue(entries.get(help + 1).startsWith("attach NODE ")
                && entries.get(help + 1).endsWith("a new job on NODE, made current"), entries.get(help + 1));
        assertTrue(entries.get(help + 2).endsWith("leave the console (the node keeps running)"), entries.get(help + 2));
    }

    @Test
    void overviewStartsEverySummaryInOneColumn() {
        List<String> lines = HelpView.overview(STANDARD, 10_000);
        int column = summaryColumn();
        List<String> expected = new ArrayList<>();
        STANDARD.forEach(spec -> expected.add(padded(spec.signature(), column) + spec.summary()));
        expected.add(padded("help/0,1", column) + "this list; help(Fn) explains one function");
        expected.add(padded("attach NODE", column) + "a new job on NODE, made current");
        expected.add(padded("q/0", column) + "leave the console (the node keeps running)");
        assertEquals(expected, lines);
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 60, 80})
    void overviewWrapsSummariesToTheWidth(int width) {
        List<String> lines = HelpView.overview(STANDARD, width);
        assertTrue(lines.size() > 3, String.join("\n", lines));
        lines.forEach(line -> assertTrue(line.length() <= width, width + ": " + line));
    }

    @Test
    void overviewIndentsContinuationLinesUnderTheSummaryColumn() {
        List<String> lines = HelpView.overview(STANDARD, 60);
        int column = summaryColumn();
        assertTrue(lines.get(0).startsWith(padded("why/0", column) + "the first call on a sick node:"), lines.get(0));
        List<String> continuation = new ArrayList<>();
        for (int i = 1; lines.get(i).startsWith(" "); i++) {
            continuation.add(lines.get(i));
        }
        assertTrue(!continuation.isEmpty());
        for (String line : continuation) {
            assertTrue(line.startsWith(" ".repeat(column)) && line.charAt(column) != ' ', "'" + line + "'");
        }
        String rejoined = lines.get(0).substring(column) + " "
                + String.join(" ", continuation.stream().map(String::strip).toList());
        assertEquals(STANDARD.get(0).summary(), rejoined);
    }

    @Test
    void overviewPutsEachSummaryUnderItsNameWhereNoRoomIsLeftBesideTheNames() {
        int narrow = summaryColumn() + HelpView.MIN_SUMMARY_WIDTH - 1;
        List<String> lines = HelpView.overview(STANDARD, narrow);
        assertEquals("why/0", lines.get(0));
        assertTrue(lines.get(1).startsWith("    the first call on a sick node:"), lines.get(1));
        lines.forEach(line -> assertTrue(line.length() <= narrow, line));
        assertTrue(HelpView.overview(STANDARD, narrow + 1).get(0).startsWith(padded("why/0", summaryColumn())));
    }

    @Test
    void overviewWidensTheNameColumnForALongSignature() {
        FunctionSpec longName = FunctionTable.standard().find("process_info").orElseThrow();
        List<String> lines = HelpView.overview(List.of(longName), 80);
        assertTrue(lines.get(0).startsWith("process_info/1,2  one process's items"), lines.get(0));
        assertEquals(List.of(
                "help/0,1          this list; help(Fn) explains one function",
                "attach NODE       a new job on NODE, made current",
                "q/0               leave the console (the node keeps running)"), lines.subList(lines.size() - 3, lines.size()));
    }

    @Test
    void overviewWidensTheNameColumnForALongConsoleWord() {
        FunctionSpec memory = STANDARD.stream().filter(s -> s.name().equals("memory")).findFirst().orElseThrow();
        assertEquals(List.of(
                "memory/0,1   " + memory.summary(),
                "attach NODE  a new job on NODE, made current"),
                HelpView.overview(List.of(memory), List.of(ConsoleWord.ATTACH), 10_000));
    }

    @Test
    void ofShowsTheArgumentsSummaryModulesAndExample() {
        FunctionSpec memory = FunctionTable.standard().find("memory").orElseThrow();
        assertEquals(List.of(
                "memory([Kind])",
                "  " + memory.summary(),
                "  also written: c:memory, erlang:memory, recon:memory",
                "  example: memory().   memory(heap)."), HelpView.of(memory, 1000));
    }

    @Test
    void ofLeavesOutAlsoWrittenForAFunctionWithoutModules() {
        FunctionSpec dump = FunctionTable.standard().find("heap_dump").orElseThrow();
        assertEquals(List.of(
                "heap_dump(\"/abs/path.hprof\")",
                "  " + dump.summary(),
                "  example: heap_dump(\"/tmp/orders.hprof\")."), HelpView.of(dump, 1000));
    }

    @Test
    void aFunctionWithNoModuleHasNoAlsoWrittenLine() {
        FunctionSpec top = FunctionTable.standard().find("top").orElseThrow();
        assertEquals(List.of("top([Samples])", "  example: top().   top(10)."),
                HelpView.of(top, 1000).stream().filter(l -> !l.equals("  " + top.summary())).toList());
    }

    @Test
    void ofWrapsTheSummaryToTheWidth() {
        FunctionSpec memory = FunctionTable.standard().find("memory").orElseThrow();
        List<String> lines = HelpView.of(memory, 60);
        assertTrue(lines.size() > 4, lines.toString());
        assertTrue(lines.stream().filter(l -> !l.startsWith("  also written")).allMatch(l -> l.length() <= 60),
                lines.toString());
    }

    @Test
    void ofNamesEveryMemoryKindInTheSummary() {
        String summary = HelpView.of(FunctionTable.standard().find("memory").orElseThrow(), 1000).get(1);
        for (String kind : List.of("total", "heap", "non_heap", "metaspace", "code_cache", "direct", "mapped", "stacks")) {
            assertTrue(summary.contains(kind), kind);
        }
    }

    /** Where the overview starts its summaries: after the longest signature (or console word) and two spaces. */
    private static int summaryColumn() {
        int words = Stream.of(ConsoleWord.values()).mapToInt(w -> w.shown().length()).max().orElse(0);
        return Math.max(words, STANDARD.stream().mapToInt(s -> s.signature().length()).max().orElse(0)) + 2;
    }

    private static String padded(String name, int column) {
        return name + " ".repeat(column - name.length());
    }
}
