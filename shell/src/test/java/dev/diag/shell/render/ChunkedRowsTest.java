package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.ProcessRow;
import dev.diag.protocol.result.ProcessTotals;
import dev.diag.shell.client.CallOutcome;
import dev.diag.shell.client.Evaluator.Evaluation;
import dev.diag.shell.expr.Call;
import dev.diag.shell.expr.ExprParser;
import dev.diag.shell.functions.FunctionSpec;
import dev.diag.shell.functions.FunctionTable;
import java.io.ByteArrayOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rows of a script's streamed answer, written a chunk at a time ({@link ResultPrinter#chunkedRows}). */
class ChunkedRowsTest {
    private static final String NODE = "orders@db1";
    private static final FunctionSpec I = FunctionTable.standard().find("i").orElseThrow();
    private static final Call CALL = parse("i()");

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    // autoflush and UTF-8, as System.out is under bin/diag
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);

    @Test
    void writeTheBytesALineAtATimeWrites() throws IOException {
        for (boolean json : new boolean[] {false, true}) {
            ByteArrayOutputStream lineByLine = new ByteArrayOutputStream();
            Consumer<JsonNode> direct = new ResultPrinter(new PrintStream(lineByLine, true, StandardCharsets.UTF_8),
                    out, json, 100).rows(NODE, CALL, I);
            outBytes.reset();
            ResultPrinter printer = new ResultPrinter(out, out, json, 100);
            Consumer<JsonNode> chunked = printer.chunkedRows(NODE, CALL, I);
            for (JsonNode row : rows(1200)) {
                direct.accept(row);
                chunked.accept(row);
            }
            ((Flushable) chunked).flush();
            assertEquals(lineByLine.toString(StandardCharsets.UTF_8), outBytes.toString(StandardCharsets.UTF_8));
            assertTrue(outBytes.size() > 100_000, "json " + json + ": " + outBytes.size()); // more than it holds at once
        }
    }

    @Test
    void holdTheirLinesUntilTheChunkEnds() throws IOException {
        Consumer<JsonNode> chunked = new ResultPrinter(out, out, false, 100).chunkedRows(NODE, CALL, I);
        rows(3).forEach(chunked);
        assertEquals(0, outBytes.size());

        ((Flushable) chunked).flush();
        assertEquals(4, lines().size()); // the header and three rows
    }

    @Test
    void areWrittenBeforeTheTotalsThatEndTheAnswer() {
        ResultPrinter printer = new ResultPrinter(out, out, false, 100);
        rows(3).forEach(printer.chunkedRows(NODE, CALL, I)); // the client failed to flush: the printer still does
        JsonNode totals = Json.mapper().valueToTree(new ProcessTotals(3, 0, 0, 0, Map.of("WAITING", 3), null, null, null,
                null));

        assertTrue(printer.print(NODE, new Evaluation.Answer(CALL, I, new CallOutcome(true, totals, null, List.of(), true))));

        List<String> lines = lines();
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("PID"), lines.get(0));
        assertTrue(lines.get(3).startsWith("<3>"), lines.get(3));
        assertTrue(lines.get(4).startsWith("Total: 3 processes"), lines.get(4));
    }

    @Test
    void areWrittenBeforeAFailureThatEndsTheSession() {
        ResultPrinter printer = new ResultPrinter(out, out, false, 100); // stdout and stderr as one terminal
        rows(2).forEach(printer.chunkedRows(NODE, CALL, I));

        printer.failure(NODE, "i()", "connection_lost", "lost the connection to the node during i().");

        List<String> lines = lines();
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("lost the connection to the node during i().", lines.get(3));
    }

    @Test
    void writeEarlyWhenAChunkHoldsMoreThanTheyKeep() {
        Consumer<JsonNode> chunked = new ResultPrinter(out, out, false, 100).chunkedRows(NODE, CALL, I);
        rows(2000).forEach(chunked); // about 200 KB of lines, never flushed
        assertFalse(outBytes.size() == 0);
        assertTrue(outBytes.size() < 2000 * 100, String.valueOf(outBytes.size()));
    }

    /** Rows with names and functions beyond ASCII, which the stream's encoder must see whole. */
    private static List<JsonNode> rows(int n) {
        List<JsonNode> rows = new ArrayList<>(n);
        for (int pid = 1; pid <= n; pid++) {
            rows.add(Json.mapper().valueToTree(ProcessRow.platform(pid, pid % 3 == 0 ? "wörker-€-" + pid : "worker-" + pid,
                    "WAITING", pid * 1024L, pid * 1_000_000L, pid % 2 == 0 ? null : pid, "Größe.𝄞warte", pid % 5 == 0)));
        }
        return rows;
    }

    private List<String> lines() {
        String text = outBytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split(System.lineSeparator()));
    }

    private static Call parse(String text) {
        try {
            return ExprParser.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
