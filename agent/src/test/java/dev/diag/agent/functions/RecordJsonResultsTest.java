package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.message.ChunkWriter;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.message.JsonTree;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import dev.diag.protocol.message.RecordJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The real results of the agent's functions, run in this JVM, are written by RecordJson byte for
 * byte as Jackson's data binding wrote them: as a reply's tree and as a chunk's streamed rows.
 */
class RecordJsonResultsTest {
    private static final long PID = Thread.currentThread().getId();
    /** A java.util.logging logger of its own for logger_set_level to change (held: JUL keeps loggers weakly). */
    private static final java.util.logging.Logger LOGGER = java.util.logging.Logger.getLogger(RecordJsonResultsTest.class.getName());

    /** Every call this JVM can answer without an instrumented agent, a profiler or a heap dump on disk. */
    private static final List<Call> CALLS = List.of(
            call("why"), call("memory"), call("memory", "heap"), call("memory", "metaspace"), call("memory", "stacks"),
            call("regs"), call("system_info", "process_count"), call("system_info", "version"),
            call("system_info", "schedulers"), call("system_info", "uptime"), call("system_info", "process_limit"), call("system_info", "shutdown"),
            call("system_info", "virtual_process_count"), call("statistics", "runtime"), call("statistics", "wall_clock"),
            call("statistics", "garbage_collection"), call("statistics", "run_queue"),
            call("processes"), call("i"),
            call("process_info", PID), call("process_info", PID, "current_stacktrace"),
            call("process_info", PID, "backtrace"), call("process_info", PID, "links"),
            call("process_info", PID, "current_function"), call("process_info", PID, "status"),
            call("backtraces"), call("groups"), call("deadlocks"), call("heap_histogram", 5),
            call("garbage_collect"), call("jcmd"), call("jcmd", "VM.version"), call("logger"),
            call("logger_set_level", "dev.diag.agent.functions.RecordJsonResultsTest", "debug"), call("logger_reset"),
            call("proc_count", "memory", 3), call("proc_count", "reductions", 3), call("proc_window", "reductions", 3, 20),
            call("top", 1), call("trace_status"), call("trace_stop"), call("which", "java.lang.String"),
            call("is_loaded", "java.lang.String"), call("all_loaded", "java.lang.Str"), call("get_cmd"),
            call("status"), call("nodes"), call("functions"), call("check_process_code", "java.lang.Thread"));

    private record Call(String function, List<JsonNode> args) {
    }

    private static Call call(String function, Object... args) {
        return new Call(function, Arrays.stream(args).<JsonNode>map(a -> a instanceof Long l ? LongNode.valueOf(l)
                : a instanceof Integer i ? IntNode.valueOf(i) : TextNode.valueOf((String) a)).toList());
    }

    @Test
    void writesEveryFunctionsRealResultAsDataBindingDid() throws Exception {
        Functions functions = Functions.all();
        Map<String, String> refused = new TreeMap<>();
        Recording context = new Recording();
        for (Call call : CALLS) {
            Object result;
            try {
                result = functions.find(call.function()).call(new Args(call.function(), call.args()), context);
            } catch (FunctionException e) {
                refused.put(call.function(), e.getMessage());
                continue;
            }
            assertEquals(text(JsonTree.bytes(Json.mapper().valueToTree(result))), text(JsonTree.bytes(RecordJson.tree(result))),
                    call.toString());
            for (List<?> rows : context.streamed) {
                assertEquals(text(chunkByDataBinding(rows)), text(chunk(rows)), call.toString());
            }
            context.streamed.clear();
        }
        // no heart and no Instrumentation in a unit test: these refuse, saying so (their records are in
        // the protocol's RecordJsonTest, which writes every result record)
        assertEquals(new TreeSet<>(List.of("all_loaded", "get_cmd", "is_loaded", "which")), refused.keySet(), refused.toString());
    }

    /** Every declared function is in the list, or said here why it is not. */
    @Test
    void runsEveryDeclaredFunctionItCan() {
        List<String> notRun = List.of("heap_dump", "jfr_start", "jfr_dump", "jfr_stop", "trace", "profile", "load_file",
                "l", "load_binary", "check_upgrade", "rollback", "set_cmd", "clear_cmd", "stop");
        List<String> covered = new ArrayList<>(CALLS.stream().map(Call::function).distinct().toList());
        covered.addAll(notRun);
        assertEquals(new TreeSet<>(Arrays.stream(Declaration.values()).map(Declaration::function).toList()),
                new TreeSet<>(covered));
    }

    private static final class Recording implements CallContext {
        final List<List<?>> streamed = new ArrayList<>();

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void emit(List<?> rows) {
            streamed.add(rows);
        }
    }

    /** The chunk as the shell got it when each row was the mapper's tree (ChunkWriterTest pins the two paths equal). */
    private static byte[] chunkByDataBinding(List<?> rows) {
        List<JsonNode> trees = rows.stream().<JsonNode>map(row -> Json.mapper().valueToTree(row)).toList();
        return MessageCodec.encode(new Message.Chunk(7, trees));
    }

    private static byte[] chunk(List<?> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkWriter.write(out, 7, json -> ChunkWriter.writeRecords(json, rows));
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
