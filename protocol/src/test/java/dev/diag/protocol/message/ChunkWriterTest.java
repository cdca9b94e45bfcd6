package dev.diag.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.result.Backtrace;
import dev.diag.protocol.result.HeapDumpProgress;
import dev.diag.protocol.result.LoadedClassRow;
import dev.diag.protocol.result.LockRef;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.StackFrame;
import dev.diag.protocol.result.TopProcess;
import dev.diag.protocol.result.TopSample;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chunk written straight into its bytes is the chunk MessageCodec made of the rows' trees, for
 * every kind of row the agent streams: the shell cannot tell which path wrote it.
 */
class ChunkWriterTest {

    @Test
    void writesRecordsAsTheirTreesWereWritten() throws Exception {
        List<Object> rows = List.of(
                new Backtrace(61, "pool-1-thread-1 \"quoted\" é", "BLOCKED",
                        List.of(new StackFrame("java.util.concurrent.ArrayBlockingQueue", "put", "ArrayBlockingQueue.java", 370,
                                false, List.of()), new StackFrame("Main", "run", null, -1, true, List.of(new LockRef("Lock", -7)))),
                        new LockRef("java.lang.Object", 0x1b2c3d), new ProcessRef(7, "holder"), "logback", List.of(
                                new ProcessRef(9, "AsyncAppender-Worker")), null, 256, null),
                new LoadedClassRow("a.B", "app", "file:/x.jar", true),
                new HeapDumpProgress(Long.MAX_VALUE, 0),
                topSample());

        assertEquals(text(oldPath(7, rows)), text(streamed(7, rows)));
    }

    @Test
    void writesAnEmptyChunkAsBefore() throws Exception {
        assertEquals(text(oldPath(Long.MAX_VALUE, List.of())), text(streamed(Long.MAX_VALUE, List.of())));
    }

    /** A record with doubles: a tree keeps a double as it is, and so does writing it straight. */
    private static TopSample topSample() {
        return new TopSample(3, 1000, 1L << 40, 1L << 41, -1, List.of(1L, 2L),
                10_000, List.of(new TopProcess(61, "busy", "RUNNABLE", 123_456_789, 0.1 + 0.2, null)),
                List.of(), List.of(), null);
    }

    private static byte[] oldPath(long id, List<?> rows) {
        List<JsonNode> trees = rows.stream().<JsonNode>map(row -> Json.mapper().valueToTree(row)).toList();
        return MessageCodec.encode(new Message.Chunk(id, trees));
    }

    private static byte[] streamed(long id, List<?> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkWriter.write(out, id, json -> ChunkWriter.writeRecords(json, rows));
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
