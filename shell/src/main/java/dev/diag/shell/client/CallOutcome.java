package dev.diag.shell.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.CallError;
import java.util.List;

/**
 * What a call came back with: its result or its error. For a streamed answer {@code streamed} is
 * true and {@code result} is the summary that ended the stream; {@code rows} holds the rows only
 * when they were collected rather than handed on as they arrived.
 */
public record CallOutcome(boolean ok, JsonNode result, CallError error, List<JsonNode> rows, boolean streamed) {

    public CallOutcome(boolean ok, JsonNode result, CallError error, List<JsonNode> rows) {
        this(ok, result, error, rows, !rows.isEmpty());
    }
}
