package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.ChunkWriter;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import dev.diag.protocol.result.ProcessRow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * i()'s rows written straight into a chunk are byte for byte the chunk the shell got before, when
 * each row was a ProcessRow turned into a JSON tree: the wire did not change.
 */
class ProcessRowWriterTest {
    private static final StackTraceElement PUT = new StackTraceElement("java.util.concurrent.ArrayBlockingQueue", "put",
            "ArrayBlockingQueue.java", 370);
    private static final StackTraceElement NO_PACKAGE = new StackTraceElement("Main", "lambda$main$0", null, -1);
    private static final StackTraceElement LONG_NAME = new StackTraceElement("a.b." + "VeryLong".repeat(40), "m".repeat(90),
            null, 1);

    @Test
    void writesPlatformRowsAsTheirRecordsTreesWereWritten() throws Exception {
        ProcessRowWriter writer = new ProcessRowWriter();
        List<ProcessRow> rows = List.of(
                ProcessRow.platform(1, "main", "WAITING", 21_844_824, 2_880_748_704L, null, "ParkedThreads.main", false),
                ProcessRow.platform(61, "pool-1-thread-1", "RUNNABLE", 0, 0, 412, "ArrayBlockingQueue.put", true),
                ProcessRow.platform(Long.MAX_VALUE, "quote \" backslash \\ tab \t nul \u0000 é 日本 \uD83D\uDE00", "BLOCKED",
                        Long.MAX_VALUE, 1, 0, null, true),
                ProcessRow.platform(3, "", "NEW", 0, 0, Integer.MAX_VALUE, "Main.lambda$main$0", false),
                ProcessRow.platform(4, "long", "TIMED_WAITING", 5, 6, null,
                        LONG_NAME.getClassName().substring(4) + "." + LONG_NAME.getMethodName(), false));
        List<StackTraceElement> frames = List.of(new StackTraceElement("ParkedThreads", "main", "ParkedThreads.java", 9),
                PUT, PUT, NO_PACKAGE, LONG_NAME);

        byte[] streamed = chunk(7, json -> {
            for (int k = 0; k < rows.size(); k++) {
                ProcessRow row = rows.get(k);
                writer.platform(json, row.pid(), row.name(), row.state(), row.heapBytes(), row.cpuNanos(),
                        row.msgs() == null ? ProcessRowWriter.NO_MAILBOX : row.msgs(),
                        row.currentFunction() == null ? null : frames.get(k), row.daemon());
            }
        });

        assertSameBytes(oldPath(7, rows), streamed);
    }

    @Test
    void writesVirtualRowsAsTheirRecordsTreesWereWritten() throws Exception {
        ProcessRowWriter writer = new ProcessRowWriter();
        List<ProcessRow> rows = List.of(ProcessRow.virtual(10_000_123, "", "WAITING", "ArrayBlockingQueue.put"),
                ProcessRow.virtual(10_000_124, "handler-7", "RUNNABLE", null));

        byte[] streamed = chunk(0, json -> {
            writer.virtual(json, 10_000_123, "", "WAITING", PUT);
            writer.virtual(json, 10_000_124, "handler-7", "RUNNABLE", null);
        });

        assertSameBytes(oldPath(0, rows), streamed);
    }

    /** What RunningCall sent before: each row a tree by data binding, the chunk encoded by MessageCodec. */
    private static byte[] oldPath(long id, List<?> rows) {
        List<JsonNode> trees = rows.stream().<JsonNode>map(row -> Json.mapper().valueToTree(row)).toList();
        return MessageCodec.encode(new Message.Chunk(id, trees));
    }

    private static byte[] chunk(long id, ChunkWriter.Rows rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkWriter.write(out, id, rows);
        return out.toByteArray();
    }

    private static void assertSameBytes(byte[] expected, byte[] actual) {
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
    }
}
