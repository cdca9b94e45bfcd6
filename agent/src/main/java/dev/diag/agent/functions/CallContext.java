package dev.diag.agent.functions;

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
     * Runs {@code action} once the call has succeeded, its answer is written to the caller and the
     * call's own work is done (stop() closes the connection it answers on, so it must come after the
     * answer). It runs on the I/O thread: it must not block. A call that fails or is cancelled does
     * not run it. A context with no connection to answer on runs it at once.
     */
    default void afterAnswer(Runnable action) {
        action.run();
    }
}
