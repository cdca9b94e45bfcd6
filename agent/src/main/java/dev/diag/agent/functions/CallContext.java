package dev.diag.agent.functions;

import dev.diag.protocol.message.ChunkWriter;
import dev.diag.protocol.message.MalformedMessageException;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What a running call may ask of the connection it serves: whether the caller cancelled, and
 * (for long results) sending rows ahead of the final result.
 */
public interface CallContext {
    /** Who a call is for when the context cannot say (a call made in-process). */
    String UNKNOWN_CALLER = "someone";

    /** Who the call is for, as a busy node names callers: {@code alice@localhost}. */
    default String caller() {
        return UNKNOWN_CALLER;
    }

    /** True once the caller cancelled or disconnected; long work checks this and stops early. */
    boolean cancelled();

    /** Sends rows now; the reply then ends the stream with the call's result as its summary. */
    void emit(List<?> rows);

    /**
     * Sends rows that write themselves straight into the chunk's bytes ({@link ChunkWriter}): for
     * long listings, which then make no object or tree per row. A context with a connection writes
     * them into the frame; this default, for contexts without one, reads them back into trees.
     */
    default void emit(ChunkWriter.Rows rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChunkWriter.write(out, 0, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("writing rows to memory failed", e);
        }
        try {
            emit(((Message.Chunk) MessageCodec.decode(out.toByteArray())).chunk());
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("rows were written as invalid JSON", e);
        }
    }

    /**
     * Runs {@code action} once the call has succeeded, its answer is written to the caller and the
     * call's own work is done (stop() closes the connection it answers on, so it must come after the
     * answer). It runs on the I/O thread: it must not block. A call that fails or is cancelled does
     * not run it. A context with no connection to answer on runs it at once.
     */
    default void afterAnswer(Runnable action) {
        action.run();
    }
}
