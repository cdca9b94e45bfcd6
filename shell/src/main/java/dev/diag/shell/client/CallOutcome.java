package dev.diag.shell.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.CallError;
import java.util.List;

/** What a call came back with: its result (and streamed rows) or its error. */
public record CallOutcome(boolean ok, JsonNode result, CallError error, List<JsonNode> rows) {
}
