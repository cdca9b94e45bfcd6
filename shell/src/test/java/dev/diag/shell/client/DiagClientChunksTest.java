package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.diag.protocol.message.Message;
import java.io.Flushable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** How the client hands a streamed answer's chunks to a row sink. */
class DiagClientChunksTest {

    @Test
    void flushesASinkThatWritesAChunkAtATimeAfterEachWholeChunk() throws Exception {
        List<String> seen = new ArrayList<>();
        try (ScriptedNode node = new ScriptedNode(request -> List.of(
                new Message.Chunk(request.id(), List.of(IntNode.valueOf(1), IntNode.valueOf(2))),
                new Message.Chunk(request.id(), List.of(IntNode.valueOf(3))),
                new Message.End(request.id(), true, IntNode.valueOf(3), null)));
                DiagClient client = node.connect(5_000)) {
            CallOutcome outcome = client.call("i", List.of(), 5_000, new FlushableSink(seen));

            assertTrue(outcome.ok() && outcome.streamed());
            assertEquals(List.of("row 1", "row 2", "flush", "row 3", "flush"), seen);
        }
    }

    @Test
    void handsAPlainSinkEveryRowAndNothingElse() throws Exception {
        List<String> seen = new ArrayList<>();
        try (ScriptedNode node = new ScriptedNode(request -> List.of(
                new Message.Chunk(request.id(), List.of(IntNode.valueOf(1), IntNode.valueOf(2))),
                new Message.End(request.id(), true, IntNode.valueOf(2), null)));
                DiagClient client = node.connect(5_000)) {
            client.call("i", List.of(), 5_000, row -> seen.add("row " + row));

            assertEquals(List.of("row 1", "row 2"), seen);
        }
    }

    private record FlushableSink(List<String> seen) implements Consumer<JsonNode>, Flushable {
        @Override
        public void accept(JsonNode row) {
            seen.add("row " + row);
        }

        @Override
        public void flush() {
            seen.add("flush");
        }
    }
}
