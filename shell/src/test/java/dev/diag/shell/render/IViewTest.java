package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.ProcessRow;
import dev.diag.protocol.result.ProcessTotals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IViewTest {
    private static final IView VIEW = new IView();
    private static final String HEADER =
            "PID       NAME                      STATE              HEAP        CPU    MSGS  CURRENT FUNCTION";
    private static final ProcessRow LOG_WRITER =
            ProcessRow.platform(23, "log-writer", "TIMED_WAITING", 1_258_291, 340_000_000, 1000, "Thread.sleep", true);
    private static final ProcessRow MAIN = ProcessRow.platform(1, "main", "RUNNABLE", 512, 5_000_000, null, "Main.main", false);
    private static final ProcessRow HANDLER = ProcessRow.platform(104_857, "http-nio-8080-exec-12", "WAITING",
            3L << 30, 59_900_000_000L, 0, "ArrayBlockingQueue.put", true);
    private static final ProcessRow VIRTUAL = ProcessRow.virtual(100_024, "", "WAITING", null);
    private static final String METHOD = "current function from 1 stack pause(s) of at most 500 threads; no other pause";

    @Test
    void headerNamesTheColumnsAndARowFillsThem() throws Exception {
        assertEquals(List.of(HEADER), VIEW.header(120));
        assertEquals("<23>      log-writer                TIMED_WAITING  1.20 MiB     340 ms   1,000  Thread.sleep",
                row(LOG_WRITER, 120));
    }

    @Test
    void rowsOfEveryShapeLineUpUnderTheHeader() throws Exception {
        int name = HEADER.indexOf("NAME");
        for (ProcessRow process : List.of(MAIN, LOG_WRITER, HANDLER, VIRTUAL)) {
            String line = row(process, 120);
            assertTrue(line.charAt(name - 1) == ' ' && line.charAt(name) != ' ', "NAME starts its column: " + line);
            assertEquals(HEADER.indexOf("STATE"), line.indexOf(process.state()), line);
            for (String figure : List.of("HEAP", "CPU", "MSGS")) {
                int end = HEADER.indexOf(figure) + figure.length();
                assertTrue(line.charAt(end - 1) != ' ' && (end == line.length() || line.charAt(end) == ' '),
                        figure + " ends under its heading: " + line);
            }
            if (process.currentFunction() != null) {
                assertEquals(HEADER.indexOf("CURRENT FUNCTION"), line.indexOf(process.currentFunction()), line);
            }
        }
        assertEquals("<104857>  http-nio-8080-exec-12     WAITING        3.00 GiB     59.9 s       0  ArrayBlockingQueue.put",
                row(HANDLER, 120));
    }

    @Test
    void virtualThreadHasNoHeapOrCpu() throws Exception {
        String line = row(VIRTUAL, 120);

        assertEquals("<100024>  (virtual)                 WAITING               -          -       -", line);
        assertFalse(line.contains("-1"), "the JVM measures no heap or CPU per virtual thread; -1 is not a figure: " + line);
    }

    @Test
    void aThreadServingNoMailboxShowsADashAndAnEmptyMailboxShowsZero() throws Exception {
        String none = row(MAIN, 120);
        String empty = row(HANDLER, 120);
        int msgs = HEADER.indexOf("MSGS");

        assertEquals("-", none.substring(msgs, msgs + 4).strip(), none);
        assertEquals("0", empty.substring(msgs, msgs + 4).strip(), empty);
    }

    @Test
    void aLongNameIsCutInTheMiddleToItsColumnKeepingItsTailAndTheColumnsAfterItStay() throws Exception {
        ProcessRow consumer = ProcessRow.platform(61, "org.example.orders.OrderEventsConsumer-7", "RUNNABLE", 0, 0, null,
                "Consumer.poll", false);

        String line = row(consumer, 120);

        assertTrue(line.contains(" org.exam…EventsConsumer-7 "), line);
        assertEquals(HEADER.indexOf("STATE"), line.indexOf("RUNNABLE"), line);
        assertEquals(HEADER.indexOf("CURRENT FUNCTION"), line.indexOf("Consumer.poll"), line);
    }

    @Test
    void footerAddsUpTheProcessesByStateAndSaysHowTheRowsWereTaken() throws Exception {
        ProcessTotals totals = new ProcessTotals(3, 1_258_291, 340_000_000, 1000, states("RUNNABLE", 1, "TIMED_WAITING", 2),
                METHOD, 12L, 0, null);

        assertEquals(List.of("Total: 3 processes, heap 1.20 MiB allocated, cpu 340 ms, msgs 1,000 queued (RUNNABLE 1, "
                        + "TIMED_WAITING 2)",
                "(" + METHOD + "; 12 ms on the node)"), VIEW.footer(Json.mapper().valueToTree(totals), 200));
    }

    @Test
    void footerSaysHowManyAreVirtualAndWhatTheRowsLeaveOut() throws Exception {
        ProcessTotals totals = new ProcessTotals(5, 1_258_291, 340_000_000, 1000, states("RUNNABLE", 1, "WAITING", 4),
                METHOD, null, 2, "4 virtual threads in no container the JVM lists are counted, not shown");

        List<String> footer = VIEW.footer(Json.mapper().valueToTree(totals), 200);

        assertTrue(footer.get(0).startsWith("Total: 5 processes (2 virtual: heap and cpu not measured by the JVM), heap "),
                footer.get(0));
        assertEquals("(" + METHOD + ")", footer.get(1), "an older agent does not say how long the node took");
        assertEquals("note: 4 virtual threads in no container the JVM lists are counted, not shown", footer.get(2));
    }

    @Test
    void aNarrowTerminalCutsEachRowToItsWidthInsteadOfWrappingIt() throws Exception {
        ProcessTotals totals = new ProcessTotals(3, 1_258_291, 340_000_000, 1000, states("RUNNABLE", 1, "TIMED_WAITING", 2),
                METHOD, 12L, 0, "a note long enough to be wrapped on any terminal narrower than itself");
        for (int width = 20; width <= HEADER.length() + 20; width++) {
            List<String> lines = new ArrayList<>(VIEW.header(width));
            for (ProcessRow process : List.of(MAIN, LOG_WRITER, HANDLER, VIRTUAL)) {
                lines.add(row(process, width));
            }
            assertEquals(5, lines.size(), "one line per row");
            for (String line : lines) {
                assertTrue(line.length() <= width && !line.contains("\n"), width + ": " + line);
            }
            String cut = row(HANDLER, width);
            assertEquals(row(HANDLER, 200).length() > width, cut.endsWith("…"), width + ": " + cut);
            for (String line : VIEW.footer(Json.mapper().valueToTree(totals), width)) {
                assertTrue(line.length() <= width, width + ": " + line);
            }
        }
    }

    /**
     * Figures a busy production node has: pids past a million (virtual threads), a flooded mailbox,
     * a thread with minutes of CPU: each fits its fixed column, so the columns after it stay put.
     */
    @Test
    void bigFiguresKeepTheirColumns() throws Exception {
        ProcessRow busy = ProcessRow.platform(1_000_024, "log-appender", "WAITING", 1 << 20, 70_000_000_000L, 120_000,
                "ArrayBlockingQueue.take", true);

        String line = row(busy, 200);

        assertEquals(HEADER.indexOf("CURRENT FUNCTION"), line.indexOf("ArrayBlockingQueue.take"), line);
    }

    @Test
    void inScriptsALongNameIsWholeSoThreadsWithASharedPrefixStayApart() throws Exception {
        int unlimited = Integer.MAX_VALUE / 2; // piped output: TerminalWidth cuts nothing
        for (int n : new int[] {16, 17}) {
            ProcessRow worker = ProcessRow.platform(60 + n, "pekko.actor.default-dispatcher-" + n, "RUNNABLE", 0, 0,
                    null, "Mailbox.run", false);

            assertTrue(row(worker, unlimited).contains(" pekko.actor.default-dispatcher-" + n + " "), row(worker, unlimited));
        }
    }

    /**
     * The row written with plain appends is the line the record and {@link IView#FORMAT} made before,
     * character for character, over every shape, a name longer than its column, figures wider than
     * theirs, and widths from narrow to piped.
     */
    @Test
    void eachRowIsTheLineTheRecordAndTheFormatMade() throws Exception {
        ProcessRow wide = ProcessRow.platform(12_345_678_901L, "x".repeat(40), "TIMED_WAITING", Long.MAX_VALUE,
                Long.MAX_VALUE, Integer.MAX_VALUE, "VeryLongClassNameOfSomeFramework.someEvenLongerMethodName", false);
        ProcessRow unnamed = ProcessRow.platform(7, null, "NEW", 0, 0, 0, "", false);
        ProcessRow namedVirtual = ProcessRow.virtual(1_000_001, "vt-1", "RUNNABLE", "Handler.serve");
        for (int width : new int[] {20, 60, 99, 120, 200, Integer.MAX_VALUE / 2}) {
            for (ProcessRow process : List.of(MAIN, LOG_WRITER, HANDLER, VIRTUAL, wide, unnamed, namedVirtual)) {
                assertEquals(formatted(process, width), row(process, width), width + ": " + process);
            }
        }
    }

    @Test
    void aRowMissingAFigureOrWithAFieldOfTheWrongTypeIsRefusedNotShownAsZero() {
        for (String field : List.of("pid", "heapBytes", "cpuNanos", "daemon", "virtual")) {
            ObjectNode json = Json.mapper().valueToTree(MAIN);
            json.remove(field);
            assertThrows(IOException.class, () -> VIEW.row(json, 120), field);
        }
        for (String field : List.of("pid", "name", "state", "msgs", "currentFunction", "daemon")) {
            ObjectNode json = Json.mapper().valueToTree(LOG_WRITER);
            json.putArray(field);
            assertThrows(IOException.class, () -> VIEW.row(json, 120), field);
        }
    }

    /** The line as IView made it before: the row bound to its record, laid out by String.format. */
    private static String formatted(ProcessRow process, int width) throws Exception {
        ProcessRow row = RecordReader.read(Json.mapper().valueToTree(process), ProcessRow.class);
        String name = row.virtual() && (row.name() == null || row.name().isEmpty()) ? "(virtual)" : row.name();
        String line = String.format(IView.FORMAT, "<" + row.pid() + ">", ThreadNames.column(name, 25, width), row.state(),
                row.heapBytes() < 0 ? "-" : Units.bytes(row.heapBytes()),
                row.cpuNanos() < 0 ? "-" : Units.millis(row.cpuNanos() / 1_000_000),
                row.msgs() == null ? "-" : Units.count(row.msgs()),
                row.currentFunction() == null ? "" : row.currentFunction());
        return IView.cut(line.stripTrailing(), Math.max(20, width));
    }

    private static String row(ProcessRow process, int width) throws Exception {
        return VIEW.row(Json.mapper().valueToTree(process), width);
    }

    /** The states in the order the agent sends them (a sorted map). */
    private static Map<String, Integer> states(String first, int firstCount, String second, int secondCount) {
        return new TreeMap<>(Map.of(first, firstCount, second, secondCount));
    }
}
