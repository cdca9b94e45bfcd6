package dev.diag.protocol.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The JSON messages of an authenticated session, one per frame payload.
 *
 * <pre>
 * request   {"id": 7, "fn": "memory", "args": ["heap"]}
 * reply     {"id": 7, "ok": true, "result": {...}}
 *           {"id": 7, "ok": false, "error": {"code": "unknown_function", "message": "..."}}
 * chunk     {"id": 7, "chunk": [row, row, ...]}
 * end       {"id": 7, "end": true, "ok": true, "result": {...}}     (closes a stream)
 * cancel    {"cancel": 7}
 * </pre>
 */
public sealed interface Message {

    /** A call. Arguments are JSON values: atoms and strings as strings, integers as numbers. */
    record Request(long id, String fn, List<JsonNode> args) implements Message {
        public Request {
            args = args == null ? List.of() : List.copyOf(args);
        }
    }

    /** The whole answer to a request, or the error that replaced it. */
    record Reply(long id, boolean ok, JsonNode result, CallError error) implements Message {
        /** A successful reply; {@code result} (a record) becomes JSON as {@link RecordJson} writes it. */
        public static Reply success(long id, Object result) {
            return new Reply(id, true, RecordJson.tree(result), null);
        }

        public static Reply failure(long id, CallError error) {
            return new Reply(id, false, null, error);
        }
    }

    /** Part of a streamed answer; more chunks or an {@link End} follow. */
    record Chunk(long id, List<JsonNode> chunk) implements Message {
    }

    /** The last message of a streamed answer, with a summary result or the error that cut it short. */
    record End(long id, boolean ok, JsonNode result, CallError error) implements Message {
    }

    /** Asks the agent to stop working on request {@code cancel}. */
    record Cancel(long cancel) implements Message {
    }
}
